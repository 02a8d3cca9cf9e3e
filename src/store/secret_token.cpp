#include "store/secret_token.h"

#include "store/store_error.h"

#include <Poco/Base64Encoder.h>

#include <sys/random.h>

#include <array>
#include <cerrno>
#include <sstream>

namespace cadence::store {

std::string random_token() {
  std::array<unsigned char, 32> bytes{};
  std::size_t filled = 0;
  while (filled < bytes.size()) {
    const auto n = getrandom(bytes.data() + filled, bytes.size() - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      throw StoreError("cannot read random bytes for a token from the kernel");
    }
    filled += static_cast<std::size_t>(n);
  }
  std::ostringstream out;
  Poco::Base64Encoder encoder(out, Poco::BASE64_URL_ENCODING | Poco::BASE64_NO_PADDING);
  encoder.rdbuf()->setLineLength(0);
  encoder.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
  encoder.close();
  return out.str();
}

}  // namespace cadence::store
