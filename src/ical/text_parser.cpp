#include "ical/text_parser.h"

#include <algorithm>
#include <cstring>

namespace cadence::ical {

namespace {

// libical's parser asks for a line in pieces of at most its 80-byte buffer. Its own string
// reader (icalparser_parse_string) searches for the end of the line again for every piece,
// which makes one line cost its length squared: a 4 MB DESCRIPTION took 2.2 s and 20 MB did
// not finish. This reader remembers where the current line ends.
class LineReader {
 public:
  explicit LineReader(std::string_view text) : text_(text) {}

  static char* next(char* out, std::size_t size, void* self) { return static_cast<LineReader*>(self)->fill(out, size); }

 private:
  char* fill(char* out, std::size_t size) {
    if (at_ >= text_.size() || size < 2) return nullptr;
    if (line_end_ <= at_) {
      const auto newline = text_.find('\n', at_);
      line_end_ = newline == std::string_view::npos ? text_.size() : newline + 1;  // the '\n' is handed over too
    }
    const auto n = std::min(size - 1, line_end_ - at_);
    std::memcpy(out, text_.data() + at_, n);
    out[n] = '\0';
    at_ += n;
    return out;
  }

  std::string_view text_;
  std::size_t at_ = 0;
  std::size_t line_end_ = 0;  // one past the current line's '\n'
};

struct ParserFree {
  void operator()(icalparser* p) const { icalparser_free(p); }
};

}  // namespace

Component parse_text(std::string_view text) {
  const std::unique_ptr<icalparser, ParserFree> parser(icalparser_new());
  LineReader reader(text);
  icalparser_set_gen_data(parser.get(), &reader);
  return Component(icalparser_parse(parser.get(), &LineReader::next));
}

}  // namespace cadence::ical
