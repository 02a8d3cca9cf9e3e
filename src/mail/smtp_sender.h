#pragma once
// Sends composed messages over one SMTP connection kept open across send() calls, within the
// per-connection and per-minute limits, and says what became of each message.
#include "mail/message.h"
#include "mail/smtp_settings.h"

#include <chrono>
#include <deque>
#include <functional>
#include <memory>
#include <string>

namespace cadence::mail {

class SmtpSession;

enum class DeliveryResult {
  sent,
  temporary_failure,  // not delivered; try again later (4xx, no connection, TLS or AUTH refused)
  permanent_failure,  // the server refused the message for good (5xx)
  unknown,            // the connection failed after the final "."; resend once, same Message-ID
};

struct Delivery {
  DeliveryResult result;
  std::string reply;  // the server's text, or the error
};

class SmtpSender {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;
  using Wait = std::function<void(std::chrono::milliseconds)>;

  explicit SmtpSender(SmtpSettings settings, Clock clock = std::chrono::steady_clock::now,
                      Wait wait = [](std::chrono::milliseconds d) { default_wait(d); });
  ~SmtpSender();
  SmtpSender(const SmtpSender&) = delete;
  SmtpSender& operator=(const SmtpSender&) = delete;

  // Connects when needed; a connection the server dropped while idle is replaced once.
  // `handover`: see SmtpSession::transact; withheld, the message is a temporary failure.
  Delivery send(const Message& message, const std::function<bool()>& handover = {});
  // QUIT; the next send() connects again.
  void close();

  // The Message-ID a message gets from this sender: its key hashed, at the domain of the
  // envelope sender (settings' `from`, else the message's).
  std::string message_id_of(const Message& message) const;

 private:
  static void default_wait(std::chrono::milliseconds duration);
  const std::string& envelope_from(const Message& message) const;
  void keep_to_rate();
  Delivery attempt(const std::string& data, const Message& message, const std::function<bool()>& handover,
                   bool& retry);
  void drop();

  SmtpSettings settings_;
  Clock clock_;
  Wait wait_;
  std::unique_ptr<SmtpSession> session_;
  int sent_on_connection_ = 0;
  std::deque<std::chrono::steady_clock::time_point> recent_;  // transactions in the last minute
};

}  // namespace cadence::mail
