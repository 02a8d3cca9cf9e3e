#include "mail/base64.h"

#include <Poco/Base64Encoder.h>

#include <sstream>

namespace cadence::mail {

std::string base64(std::string_view bytes) {
  std::ostringstream out;
  Poco::Base64Encoder encoder(out);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

}  // namespace cadence::mail
