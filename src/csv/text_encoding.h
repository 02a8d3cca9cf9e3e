#pragma once
// Files from Excel in China are often GB18030, not UTF-8: detect that, say so with the line,
// and convert when asked.
#include <optional>
#include <string>
#include <string_view>

namespace cadence {

enum class Encoding { utf8, gb18030 };
std::optional<Encoding> parse_encoding(std::string_view name);

// Byte offset of the first invalid UTF-8 sequence, or nullopt when `text` is valid UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// The file's text as UTF-8 without a byte-order mark. Throws InputError naming the file and
// line when it is not in `encoding`, with how to convert it.
std::string decode_text(const std::string& file, std::string bytes, Encoding encoding);

}  // namespace cadence
