#include "web/docx_file.h"

#include "web/ooxml_package.h"

namespace cadence::web {

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" )"
    R"(ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";

// 宋体 (SimSun) is what 通报 and reports are set in; WPS and Word on Chinese systems have it.
std::string run(std::string_view text, bool bold, int half_points) {
  return std::string("<w:r><w:rPr><w:rFonts w:ascii=\"SimSun\" w:hAnsi=\"SimSun\" w:eastAsia=\"宋体\"/>") +
         (bold ? "<w:b/>" : "") + "<w:sz w:val=\"" + std::to_string(half_points) +
         "\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr><w:t xml:space=\"preserve\">" + xml_escape(text) + "</w:t></w:r>";
}

std::string document_xml(std::string_view title, const std::vector<std::string>& paragraphs) {
  std::string xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                    "\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>";
  xml += "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>" + run(title, true, 32) + "</w:p>";
  // Body text 三号-ish (16 pt), the first line indented two characters, as Chinese documents are.
  for (const auto& p : paragraphs)
    xml += "<w:p><w:pPr><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>" + run(p, false, 32) + "</w:p>";
  return xml + "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>";
}

}  // namespace

std::string docx_document(std::string_view title, const std::vector<std::string>& paragraphs) {
  return zip_package({{"[Content_Types].xml", std::string(kContentTypes)},
                      {"_rels/.rels", package_relationships("word/document.xml")},
                      {"word/document.xml", document_xml(title, paragraphs)}});
}

}  // namespace cadence::web
