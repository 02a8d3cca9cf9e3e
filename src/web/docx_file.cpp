#include "web/docx_file.h"

#include "web/error_response.h"

#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

#include <sstream>

namespace cadence::web {

namespace {

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/word/document.xml" )"
    R"(ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>)";

constexpr std::string_view kRelationships =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" )"
    R"(Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" )"
    R"(Target="word/document.xml"/></Relationships>)";

// 宋体 (SimSun) is what 通报 and reports are set in; WPS and Word on Chinese systems have it.
std::string run(std::string_view text, bool bold, int half_points) {
  return std::string("<w:r><w:rPr><w:rFonts w:ascii=\"SimSun\" w:hAnsi=\"SimSun\" w:eastAsia=\"宋体\"/>") +
         (bold ? "<w:b/>" : "") + "<w:sz w:val=\"" + std::to_string(half_points) +
         "\"/><w:lang w:eastAsia=\"zh-CN\"/></w:rPr><w:t xml:space=\"preserve\">" + html_escape(text) + "</w:t></w:r>";
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

void add(Poco::Zip::Compress& zip, std::string_view name, std::string_view content) {
  std::istringstream in{std::string(content)};
  zip.addFile(in, Poco::DateTime(2000, 1, 1), Poco::Path(std::string(name), Poco::Path::PATH_UNIX));
}

}  // namespace

std::string docx_document(std::string_view title, const std::vector<std::string>& paragraphs) {
  std::ostringstream out;
  Poco::Zip::Compress zip(out, true);
  add(zip, "[Content_Types].xml", kContentTypes);
  add(zip, "_rels/.rels", kRelationships);
  add(zip, "word/document.xml", document_xml(title, paragraphs));
  zip.close();
  return std::move(out).str();
}

}  // namespace cadence::web
