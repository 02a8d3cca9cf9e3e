#include "web/xlsx_file.h"

#include "web/ooxml_package.h"

namespace cadence::web {

namespace {

constexpr std::string_view kMain = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
constexpr std::string_view kTypes = "application/vnd.openxmlformats-officedocument.spreadsheetml.";

std::string content_types() {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)") +
         R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
         R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
         R"(<Default Extension="xml" ContentType="application/xml"/>)"
         R"(<Override PartName="/xl/workbook.xml" ContentType=")" + std::string(kTypes) + R"(sheet.main+xml"/>)"
         R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType=")" + std::string(kTypes) + R"(worksheet+xml"/>)"
         R"(<Override PartName="/xl/styles.xml" ContentType=")" + std::string(kTypes) + R"(styles+xml"/></Types>)";
}

std::string workbook(const std::string& name) {
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook xmlns=")") + std::string(kMain) +
         R"(" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name=")" +
         xml_escape(name) + R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)";
}

std::string workbook_relationships() {
  const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
         R"(<Relationship Id="rId1" Type=")" + rel + R"(worksheet" Target="worksheets/sheet1.xml"/>)"
         R"(<Relationship Id="rId2" Type=")" + rel + R"(styles" Target="styles.xml"/></Relationships>)";
}

// Cell formats by SheetCell::Style: plain, heading (bold), and the page's good, warning and
// failed colours. The first two fills are the ones the format reserves.
std::string styles() {
  const auto fill = [](const char* rgb) {
    return std::string(R"(<fill><patternFill patternType="solid"><fgColor rgb="FF)") + rgb + R"("/></patternFill></fill>)";
  };
  return std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet xmlns=")") + std::string(kMain) +
         R"("><fonts count="2"><font><sz val="11"/><name val="宋体"/></font><font><b/><sz val="11"/><name val="宋体"/></font></fonts>)"
         R"(<fills count="5"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>)" +
         fill("E8F5E9") + fill("FFF3CD") + fill("FDE0E0") +
         R"(</fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="5">)"
         R"(<xf/><xf fontId="1" applyFont="1"/><xf fillId="2" applyFill="1"/><xf fillId="3" applyFill="1"/>)"
         R"(<xf fillId="4" applyFill="1"/></cellXfs>)"
         R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>)";
}

std::string column_name(std::size_t i) {
  std::string name;
  for (++i; i > 0; i = (i - 1) / 26) name.insert(name.begin(), static_cast<char>('A' + (i - 1) % 26));
  return name;
}

std::string sheet(const std::vector<std::vector<SheetCell>>& rows) {
  std::string xml = std::string(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns=")") +
                    std::string(kMain) +
                    R"("><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" )"
                    R"(state="frozen"/></sheetView></sheetViews><sheetData>)";
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const auto n = std::to_string(r + 1);
    xml += "<row r=\"" + n + "\">";
    for (std::size_t c = 0; c < rows[r].size(); ++c)
      xml += "<c r=\"" + column_name(c) + n + "\" t=\"inlineStr\" s=\"" + std::to_string(static_cast<int>(rows[r][c].style)) +
             "\"><is><t xml:space=\"preserve\">" + xml_escape(rows[r][c].text) + "</t></is></c>";
    xml += "</row>";
  }
  return xml + "</sheetData></worksheet>";
}

std::string sheet_name(const std::string& name) {
  std::string out;
  for (const char ch : name)
    if (std::string_view("[]:*?/\\").find(ch) == std::string_view::npos) out += ch;
  // 31 characters, not bytes: cut on a UTF-8 boundary.
  std::size_t chars = 0, at = 0;
  for (; at < out.size() && chars < 31; ++chars) {
    ++at;
    while (at < out.size() && (static_cast<unsigned char>(out[at]) & 0xC0) == 0x80) ++at;
  }
  out.resize(at);
  return out.empty() ? "Sheet1" : out;
}

}  // namespace

std::string xlsx_workbook(const std::string& name, const std::vector<std::vector<SheetCell>>& rows) {
  return zip_package({{"[Content_Types].xml", content_types()},
                      {"_rels/.rels", package_relationships("xl/workbook.xml")},
                      {"xl/workbook.xml", workbook(sheet_name(name))},
                      {"xl/_rels/workbook.xml.rels", workbook_relationships()},
                      {"xl/styles.xml", styles()},
                      {"xl/worksheets/sheet1.xml", sheet(rows)}});
}

}  // namespace cadence::web
