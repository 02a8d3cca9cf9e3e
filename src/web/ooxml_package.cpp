#include "web/ooxml_package.h"

#include "web/error_response.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

namespace cadence::web {

std::string zip_package(const PackageParts& parts) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  for (const auto& [name, content] : parts) {
    std::istringstream in(content);
    zip.addFile(in, Poco::DateTime(2000, 1, 1), Poco::Path(name, Poco::Path::PATH_UNIX));
  }
  zip.close();
  return std::move(out).str();
}

std::string package_relationships(const std::string& target) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" )"
         R"(Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target=")" +
         target + R"("/></Relationships>)";
}

// The HTML escapes are XML's too (&#39; included).
std::string xml_escape(std::string_view text) { return html_escape(text); }

}  // namespace cadence::web
