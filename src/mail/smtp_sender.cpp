#include "mail/smtp_sender.h"

#include "mail/smtp_session.h"

#include <thread>

namespace cadence::mail {
namespace {

bool is_reply(int code) { return code >= 400 && code < 600; }

std::string domain_of(const std::string& address) {
  const auto at = address.rfind('@');
  return at == std::string::npos ? "localhost" : address.substr(at + 1);
}

}  // namespace

SmtpSender::SmtpSender(SmtpSettings settings, Clock clock, Wait wait)
    : settings_(std::move(settings)), clock_(std::move(clock)), wait_(std::move(wait)) {}

SmtpSender::~SmtpSender() { close(); }

void SmtpSender::default_wait(std::chrono::milliseconds duration) { std::this_thread::sleep_for(duration); }

const std::string& SmtpSender::envelope_from(const Message& message) const {
  return settings_.from.address.empty() ? message.from.address : settings_.from.address;
}

std::string SmtpSender::message_id_of(const Message& message) const {
  return message_id(message.key, domain_of(envelope_from(message)));
}

Delivery SmtpSender::send(const Message& message, const std::function<bool()>& handover) {
  std::string data;
  try {
    data = compose(message, domain_of(envelope_from(message)));
  } catch (const std::invalid_argument& e) {
    return {DeliveryResult::permanent_failure, e.what()};
  }
  keep_to_rate();
  bool retry = false;
  bool withheld = false;
  const std::function<bool()> noted = [&] {
    withheld = handover && !handover();
    return !withheld;
  };
  Delivery delivery = attempt(data, message, noted, retry);
  if (retry && !withheld) delivery = attempt(data, message, noted, retry);
  return delivery;
}

// One try; `retry` is set when a reused connection turned out dead before the server could
// have taken anything, which a new connection may fix.
Delivery SmtpSender::attempt(const std::string& data, const Message& message, const std::function<bool()>& handover,
                             bool& retry) {
  const bool reused = session_ != nullptr;
  retry = false;
  if (!session_) {
    try {
      session_ = std::make_unique<SmtpSession>(settings_);
    } catch (const SmtpError& e) {
      return {DeliveryResult::temporary_failure, e.what()};
    }
    sent_on_connection_ = 0;
  }
  std::vector<std::string> recipients;
  for (const Mailbox& box : message.to) recipients.push_back(box.address);
  recent_.push_back(clock_());
  try {
    std::string reply = session_->transact(envelope_from(message), recipients, data, handover);
    if (++sent_on_connection_ >= settings_.max_per_connection) close();
    return {DeliveryResult::sent, std::move(reply)};
  } catch (const SmtpError& e) {
    if (e.stage() == SmtpStage::content && !is_reply(e.code())) {
      drop();
      return {DeliveryResult::unknown, e.what()};
    }
    if (!is_reply(e.code()) || e.code() == 421 || !session_->reset()) {
      drop();
      retry = reused && e.stage() == SmtpStage::envelope && (e.code() == 0 || e.code() == 421);
    }
    return {e.code() >= 500 ? DeliveryResult::permanent_failure : DeliveryResult::temporary_failure, e.what()};
  }
}

// Waits until a transaction more keeps within max_per_minute in any 60 seconds.
void SmtpSender::keep_to_rate() {
  if (settings_.max_per_minute <= 0) return;
  const auto window = std::chrono::minutes(1);
  while (true) {
    const auto now = clock_();
    while (!recent_.empty() && now - recent_.front() >= window) recent_.pop_front();
    if (static_cast<int>(recent_.size()) < settings_.max_per_minute) return;
    wait_(std::chrono::ceil<std::chrono::milliseconds>(recent_.front() + window - now));
  }
}

void SmtpSender::close() {
  if (session_) session_->quit();
  session_.reset();
}

void SmtpSender::drop() {
  if (session_) session_->abandon();
  session_.reset();
}

}  // namespace cadence::mail
