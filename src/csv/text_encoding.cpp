#include "csv/text_encoding.h"

#include "core/diagnostic.h"

#include <iconv.h>

#include <algorithm>
#include <cerrno>
#include <memory>

namespace cadence {

namespace {

int line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

std::string gb18030_to_utf8(const std::string& file, const std::string& bytes) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == reinterpret_cast<iconv_t>(-1)) throw InputError(file + ": this system cannot convert GB18030 (iconv)");
  std::unique_ptr<void, int (*)(iconv_t)> guard(cd, iconv_close);
  std::string out(bytes.size() * 2 + 16, '\0');
  char* in = const_cast<char*>(bytes.data());
  std::size_t in_left = bytes.size();
  char* dst = out.data();
  std::size_t out_left = out.size();
  while (in_left > 0) {
    if (iconv(cd, &in, &in_left, &dst, &out_left) != static_cast<std::size_t>(-1)) continue;
    if (errno == E2BIG) {
      const auto used = static_cast<std::size_t>(dst - out.data());
      out.resize(out.size() * 2);
      dst = out.data() + used;
      out_left = out.size() - used;
      continue;
    }
    const auto offset = static_cast<std::size_t>(in - bytes.data());
    throw InputError(Diagnostics{{file, line_of(bytes, offset), 0, "this file is not valid GB18030 either"}});
  }
  out.resize(out.size() - out_left);
  return out;
}

}  // namespace

std::optional<Encoding> parse_encoding(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return std::tolower(c); });
  if (lower == "utf-8" || lower == "utf8") return Encoding::utf8;
  if (lower == "gb18030" || lower == "gbk" || lower == "gb2312") return Encoding::gb18030;
  return std::nullopt;
}

std::optional<std::size_t> first_invalid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) { ++i; continue; }
    if ((c & 0xE0) == 0xC0) { len = 2; cp = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { len = 3; cp = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { len = 4; cp = c & 0x07; }
    else return i;
    if (i + len > s.size()) return i;
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (cc & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::nullopt;
}

std::string decode_text(const std::string& file, std::string bytes, Encoding encoding) {
  if (encoding == Encoding::gb18030) bytes = gb18030_to_utf8(file, bytes);
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.erase(0, 3);
  if (encoding == Encoding::utf8) {
    if (const auto bad = first_invalid_utf8(bytes))
      throw InputError(Diagnostics{{file, line_of(bytes, *bad), 0,
                                    "the file is not UTF-8 (Excel in China saves CSV as GB18030). Re-run with "
                                    "--encoding gb18030, or convert it: iconv -f GB18030 -t UTF-8 '" +
                                        file + "' > converted.csv"}});
  }
  return bytes;
}

}  // namespace cadence
