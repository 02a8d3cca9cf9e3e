#pragma once
// A problem with input, located for the person who has to fix it.
#include <stdexcept>
#include <string>
#include <vector>

namespace cadence {

struct Diagnostic {
  std::string file;
  int line = 0;    // 1-based; 0 when the problem has no single place
  int column = 0;  // 1-based; 0 when unknown
  std::string message;

  // "rules/study.toml:12:5: error: …", the form editors and CI annotate.
  std::string to_string() const {
    if (file.empty()) return "error: " + message;
    std::string out = file;
    if (line > 0) out += ":" + std::to_string(line);
    if (line > 0 && column > 0) out += ":" + std::to_string(column);
    return out + ": error: " + message;
  }
};

using Diagnostics = std::vector<Diagnostic>;

// Thrown by the adapters (loaders, importers) when input is bad; the core never throws it.
// Its message lists every diagnostic, one per line, ready to print; exit code 2.
class InputError : public std::runtime_error {
 public:
  explicit InputError(Diagnostics diagnostics)
      : std::runtime_error(join(diagnostics)), diagnostics_(std::move(diagnostics)) {}
  explicit InputError(const std::string& message) : std::runtime_error(message) {}
  const Diagnostics& diagnostics() const { return diagnostics_; }

 private:
  static std::string join(const Diagnostics& ds) {
    std::string out;
    for (const auto& d : ds) out += (out.empty() ? "" : "\n") + d.to_string();
    return out;
  }
  Diagnostics diagnostics_;
};

}  // namespace cadence
