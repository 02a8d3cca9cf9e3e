#pragma once
// Quoted-printable bodies (RFC 2045 §6.7): readable for mostly-ASCII text, safe for UTF-8, and
// every line ends in CRLF whatever the input's line ends were.
#include <string>
#include <string_view>

namespace cadence::mail {

// `text` with lines ended by LF, CRLF or CR; the result's lines end in CRLF, are at most 76
// characters (soft breaks "=" CRLF), and the last line is ended too. A "." at the start of a line
// is kept: dot-stuffing is the SMTP layer's job.
std::string quoted_printable(std::string_view text);

}  // namespace cadence::mail
