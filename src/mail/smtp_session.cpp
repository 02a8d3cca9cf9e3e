#include "mail/smtp_session.h"

#include "mail/base64.h"

#include <Poco/Net/Context.h>
#include <Poco/Net/MailStream.h>
#include <Poco/Net/NetException.h>
#include <Poco/Net/RejectCertificateHandler.h>
#include <Poco/Net/SMTPClientSession.h>
#include <Poco/Net/SSLManager.h>
#include <Poco/Net/SecureStreamSocket.h>
#include <Poco/Net/SocketAddress.h>
#include <Poco/Net/SocketStream.h>
#include <Poco/Net/StreamSocket.h>

#include <mutex>

namespace cadence::mail {

// Poco keeps the connection's socket protected; STARTTLS and abandon() need it.
class SmtpSession::Client : public Poco::Net::SMTPClientSession {
 public:
  using SMTPClientSession::SMTPClientSession;
  using SMTPClientSession::socket;
};

namespace {

Poco::Timespan timespan(std::chrono::milliseconds duration) {
  return Poco::Timespan(std::chrono::duration_cast<std::chrono::microseconds>(duration).count());
}

int reply_code(const Poco::Exception& e) {
  return dynamic_cast<const Poco::Net::SMTPException*>(&e) ? e.code() : 0;
}

// Certificate errors must fail the handshake; without this Poco asks its configured handler,
// which in its samples is a console prompt.
void initialize_tls() {
  static std::once_flag once;
  std::call_once(once, [] {
    Poco::Net::initializeSSL();
    Poco::Net::SSLManager::instance().initializeClient(nullptr, new Poco::Net::RejectCertificateHandler(false), nullptr);
  });
}

Poco::Net::Context::Ptr tls_context(const SmtpSettings& settings) {
  initialize_tls();
  Poco::Net::Context::Params params;
  params.caLocation = settings.ca_file;
  params.loadDefaultCAs = settings.ca_file.empty();
  params.verificationMode = Poco::Net::Context::VERIFY_STRICT;
  params.verificationDepth = 9;
  params.cipherList = "HIGH:!aNULL:!MD5";
  Poco::Net::Context::Ptr context = new Poco::Net::Context(Poco::Net::Context::TLS_CLIENT_USE, params);
  context->requireMinimumProtocol(Poco::Net::Context::PROTO_TLSV1_2);
  return context;
}

bool is_loopback(const std::string& host) {
  return host == "localhost" || host == "::1" || host.starts_with("127.");
}

Poco::Net::StreamSocket connect(const SmtpSettings& settings) {
  Poco::Net::StreamSocket socket;
  socket.connect(Poco::Net::SocketAddress(settings.url.host, settings.url.port),
                 timespan(settings.connect_timeout));
  // Set before any TLS handshake, which then waits no longer than a command.
  socket.setReceiveTimeout(timespan(settings.command_timeout));
  socket.setSendTimeout(timespan(settings.command_timeout));
  socket.setNoDelay(true);
  if (settings.url.security != SmtpSecurity::tls) return socket;
  return Poco::Net::SecureStreamSocket::attach(socket, settings.url.host, tls_context(settings));
}

void start_tls(Poco::Net::SMTPClientSession& client, Poco::Net::DialogSocket& socket, const SmtpSettings& settings) {
  client.login(settings.helo_name);
  std::string response;
  const int status = client.sendCommand("STARTTLS", response);
  // Never a silent fallback to plain text (Poco's own startTLS() just returns false).
  if (status != 220)
    throw SmtpError(SmtpStage::setup, status, "the server refused STARTTLS: " + response);
  socket = Poco::Net::SecureStreamSocket::attach(socket, settings.url.host, tls_context(settings));
}

// AUTH PLAIN (RFC 4616) and LOGIN written here: Poco 1.11's PLAIN is refused by aiosmtpd
// ("Can't decode base64"). The password goes only into the base64 argument, never into an error.
void expect_reply(int status, int wanted, const std::string& what, const std::string& response) {
  if (status != wanted) throw SmtpError(SmtpStage::setup, status, what + " refused: " + response);
}

void authenticate(Poco::Net::SMTPClientSession& client, const SmtpSettings& settings) {
  client.login(settings.helo_name);
  if (settings.user.empty()) return;
  std::string response;
  if (settings.auth == SmtpAuth::plain) {
    const std::string credentials = std::string(1, '\0') + settings.user + '\0' + settings.password;
    expect_reply(client.sendCommand("AUTH PLAIN " + base64(credentials), response), 235, "AUTH PLAIN", response);
    return;
  }
  expect_reply(client.sendCommand("AUTH LOGIN", response), 334, "AUTH LOGIN", response);
  expect_reply(client.sendCommand(base64(settings.user), response), 334, "AUTH LOGIN", response);
  expect_reply(client.sendCommand(base64(settings.password), response), 235, "AUTH LOGIN", response);
}

}  // namespace

SmtpSession::SmtpSession(const SmtpSettings& settings) {
  const std::string where = to_string(settings.url);
  if (!settings.user.empty() && settings.url.security == SmtpSecurity::plain && !is_loopback(settings.url.host))
    throw SmtpError(SmtpStage::setup, 0, "refusing to send the SMTP password without TLS to " + where);
  try {
    client_ = std::make_unique<Client>(connect(settings));
    client_->setTimeout(timespan(settings.command_timeout));
    if (settings.url.security == SmtpSecurity::starttls) start_tls(*client_, client_->socket(), settings);
    authenticate(*client_, settings);
  } catch (const SmtpError& e) {
    if (client_) abandon();
    throw SmtpError(SmtpStage::setup, e.code(), where + ": " + e.what());
  } catch (const Poco::Exception& e) {
    if (client_) abandon();
    throw SmtpError(SmtpStage::setup, reply_code(e), where + ": " + e.displayText());
  }
}

SmtpSession::~SmtpSession() { abandon(); }

std::string SmtpSession::transact(const std::string& from, const std::vector<std::string>& to, const std::string& data,
                                  const std::function<bool()>& handover) {
  SmtpStage stage = SmtpStage::envelope;
  try {
    client_->sendAddresses(from, Poco::Net::SMTPClientSession::Recipients(to.begin(), to.end()));
    client_->sendData();
    if (handover && !handover()) throw SmtpError(stage, 0, "withheld: the message was no longer ours to send");
    stage = SmtpStage::content;
    // Poco's MailOutputStream dot-stuffs and ends with CRLF "." CRLF; the reply is read here
    // so its text reaches the caller.
    Poco::Net::SocketOutputStream socket_stream(client_->socket());
    Poco::Net::MailOutputStream mail_stream(socket_stream);
    mail_stream.write(data.data(), static_cast<std::streamsize>(data.size()));
    mail_stream.close();
    socket_stream.flush();
    std::string response;
    const int status = client_->socket().receiveStatusMessage(response);
    if (status / 100 != 2) throw SmtpError(stage, status, response.empty() ? "no reply to the message's final \".\"" : response);
    return response;
  } catch (const Poco::Exception& e) {
    throw SmtpError(stage, reply_code(e), e.displayText());
  }
}

bool SmtpSession::reset() {
  try {
    std::string response;
    return client_->sendCommand("RSET", response) == 250;
  } catch (const Poco::Exception&) {
    return false;
  }
}

void SmtpSession::quit() {
  try {
    client_->close();
  } catch (const Poco::Exception&) {
  }
  abandon();
}

void SmtpSession::abandon() {
  if (!client_) return;
  try {
    client_->socket().close();
  } catch (const Poco::Exception&) {
  }
  // The destructor's QUIT then fails at once on the closed socket, and is swallowed.
  client_.reset();
}

}  // namespace cadence::mail
