#pragma once
// An Office Open XML package (.docx, .xlsx): its parts zipped with Poco::Zip. The entries carry
// a fixed time, not today's, so the same parts give the same bytes.
#include <string>
#include <utility>
#include <vector>

namespace cadence::web {

// Each part's name in the package (such as "word/document.xml") and its content.
using PackageParts = std::vector<std::pair<std::string, std::string>>;

std::string zip_package(const PackageParts& parts);

// The package relationship every package starts from: its main part (officeDocument) is `target`.
std::string package_relationships(const std::string& target);

// Text safe in XML content and attributes.
std::string xml_escape(std::string_view text);

}  // namespace cadence::web
