#pragma once
// A Word document (.docx, Office Open XML) of a title and paragraphs, which Word and WPS open:
// what the inspection summary and the report paragraph are downloaded as, to paste into a 通报
// or a 半年/年终报告. The smallest package the format allows ([Content_Types].xml, the package
// relationship, word/document.xml: ooxml_package.h), the text in a Chinese font.
#include <string>
#include <string_view>
#include <vector>

namespace cadence::web {

std::string docx_document(std::string_view title, const std::vector<std::string>& paragraphs);

}  // namespace cadence::web
