#pragma once
// Certificates made with openssl when a test first asks: a test CA and a server certificate it
// signed for 127.0.0.1 and localhost, and a second, unrelated CA with a server certificate of
// its own, for "signed by someone else".
#include "support/temp_dir.h"

#include <cstdlib>
#include <fstream>
#include <stdexcept>
#include <string>

namespace cadence::testing {

struct TestCertificates {
  std::string ca;           // the CA the client is configured with
  std::string server_cert;  // signed by `ca`
  std::string server_key;
  std::string other_cert;  // the same names, signed by another CA
  std::string other_key;
  std::string misnamed_cert;  // signed by `ca`, for mail.invalid only
  std::string misnamed_key;
};

inline void openssl(const std::string& arguments, const std::string& folder) {
  const std::string command = "cd '" + folder + "' && openssl " + arguments + " >/dev/null 2>&1";
  if (std::system(command.c_str()) != 0) throw std::runtime_error("failed: " + command);
}

inline void make_ca(const std::string& name, const std::string& folder) {
  openssl("req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 3650 -subj '/CN=Cadence " + name +
              " CA' -keyout " + name + "-ca.key -out " + name + "-ca.pem",
          folder);
}

inline void make_server(const std::string& ca, const std::string& name, const std::string& folder,
                        const std::string& host = "127.0.0.1",
                        const std::string& names = "IP:127.0.0.1,DNS:localhost,DNS:127.0.0.1") {
  openssl("req -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -subj '/CN=" + host + "' -keyout " + name +
              ".key -out " + name + ".csr",
          folder);
  std::ofstream(folder + "/" + name + ".ext") << "subjectAltName=" << names << "\n";
  openssl("x509 -req -days 3650 -in " + name + ".csr -CA " + ca + "-ca.pem -CAkey " + ca + "-ca.key -CAcreateserial -extfile " +
              name + ".ext -out " + name + ".pem",
          folder);
}

inline const TestCertificates& test_certificates() {
  static TempDir dir;
  static const TestCertificates certificates = [] {
    const std::string folder = dir.path().string();
    make_ca("test", folder);
    make_ca("other", folder);
    make_server("test", "server", folder);
    make_server("other", "other", folder);
    make_server("test", "misnamed", folder, "mail.invalid", "DNS:mail.invalid");
    return TestCertificates{folder + "/test-ca.pem", folder + "/server.pem",   folder + "/server.key",
                            folder + "/other.pem",   folder + "/other.key",    folder + "/misnamed.pem",
                            folder + "/misnamed.key"};
  }();
  return certificates;
}

}  // namespace cadence::testing
