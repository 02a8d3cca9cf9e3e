#pragma once
// RFC 2047 encoded-words for header text (subjects, display names). Poco's MailMessage::encodeWord
// cuts UTF-8 characters in two between words, which RFC 2047 §5 forbids and mail clients show as
// garbage; this encoder cuts only between characters.
#include <cstddef>
#include <string>
#include <string_view>

namespace cadence::mail {

// True when `text` cannot be written into a header as it is: bytes outside printable ASCII, or
// something a reader would take for an encoded-word ("=?").
bool needs_encoded_words(std::string_view text);

// `text` (UTF-8) as "=?UTF-8?B?…?=" words, folded with CRLF SP so that no line exceeds 76
// characters; `used` is how much of the first line is already taken (e.g. "Subject: " is 9).
// REQUIRES: `text` is valid UTF-8 (a broken sequence is kept whole, never split further).
std::string encoded_words(std::string_view text, std::size_t used);

}  // namespace cadence::mail
