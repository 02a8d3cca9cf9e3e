#pragma once
// One SMTP connection, through Poco::Net: connect with a timeout, TLS (implicit or STARTTLS, the
// certificate checked against the configured CA file or the system store), EHLO, AUTH, and mail
// transactions whose bytes we composed ourselves. Poco only frames the commands and dot-stuffs.
#include "mail/smtp_settings.h"

#include <functional>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace cadence::mail {

// Where a failure happened decides what it means for the message: before DATA's bytes were sent
// the server cannot have taken it; after them, and before its reply, nobody knows.
enum class SmtpStage {
  setup,     // connect, greeting, EHLO, STARTTLS, AUTH
  envelope,  // MAIL FROM, RCPT TO, DATA
  content,   // the message bytes, the final "." and its reply
};

class SmtpError : public std::runtime_error {
 public:
  // `code`: the server's reply code, 0 when there was none (a network error, a timeout).
  SmtpError(SmtpStage stage, int code, const std::string& what) : std::runtime_error(what), stage_(stage), code_(code) {}
  SmtpStage stage() const { return stage_; }
  int code() const { return code_; }

 private:
  SmtpStage stage_;
  int code_;
};

class SmtpSession {
 public:
  // Connected, greeted, secured and logged in as the settings say, or SmtpError(setup).
  explicit SmtpSession(const SmtpSettings& settings);
  ~SmtpSession();
  SmtpSession(const SmtpSession&) = delete;
  SmtpSession& operator=(const SmtpSession&) = delete;

  // One transaction; the server's final reply text on success, else SmtpError. `handover`, when
  // given, is called once DATA was accepted, just before the message's bytes go out: false
  // withholds them (SmtpError(envelope), the transaction abandoned, nothing handed over).
  // REQUIRES: `data` ends lines in CRLF (see compose).
  std::string transact(const std::string& from, const std::vector<std::string>& to, const std::string& data,
                       const std::function<bool()>& handover = {});
  // RSET after a refused transaction, so the connection can carry the next one; false if the
  // connection is no longer usable.
  bool reset();
  // QUIT, ignoring a server that is already gone.
  void quit();
  // Closes the socket without a word: after a timeout or a broken reply nothing more is said.
  void abandon();

 private:
  class Client;
  std::unique_ptr<Client> client_;
};

}  // namespace cadence::mail
