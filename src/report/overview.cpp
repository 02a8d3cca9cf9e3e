#include "report/overview.h"

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace cadence::report {

namespace {

Tone tone_of(Status status) {
  switch (status) {
    case Status::met:
    case Status::on_track:
    case Status::done: return Tone::kGood;
    case Status::made_up:
    case Status::late:
    case Status::behind: return Tone::kWarning;
    case Status::missed:
    case Status::overdue: return Tone::kFailed;
    case Status::upcoming:
    case Status::pending: return Tone::kIdle;
  }
  return Tone::kNone;
}

// Which tone a roll-up shows of the tones in it: the one asking most attention.
int urgency(Tone tone) {
  switch (tone) {
    case Tone::kFailed: return 4;
    case Tone::kWarning: return 3;
    case Tone::kGood: return 2;
    case Tone::kIdle: return 1;
    case Tone::kNone: return 0;
  }
  return 0;
}

Tone tone_of(const std::array<int, kStatusCount>& counts) {
  Tone most = Tone::kNone;
  for (std::size_t s = 0; s < kStatusCount; ++s)
    if (const auto t = tone_of(static_cast<Status>(s)); counts[s] > 0 && urgency(t) > urgency(most)) most = t;
  return most;
}

std::string fraction(int done, int of) { return std::to_string(done) + "/" + std::to_string(of); }

std::string own_detail(const Result& r, const Rule& rule, Language language) {
  const bool zh = language == Language::kChinese;
  if (rule.kind == RuleKind::deadline) {
    if (r.submitted) return (zh ? "提交于 " : "submitted ") + display_date(*r.submitted, language);
    return r.due ? (zh ? "截止 " : "due ") + display_date(*r.due, language) : std::string();
  }
  auto text = fraction(r.done, r.target);
  for (const auto& q : r.quotas) {
    const auto* quota = rule.quota(q.tag);
    text += " · " + (quota && !quota->label.empty() ? quota->label : std::string(q.tag)) + " " + fraction(q.done, q.min);
  }
  return text;
}

OverviewCell own_cell(const Result& r, const Rule& rule, Language language) {
  OverviewCell cell;
  cell.own = r.status;
  cell.tone = tone_of(r.status);
  cell.status = display_status(r.status, language);
  cell.detail = own_detail(r, rule, language);
  cell.applicable = 1;
  cell.compliant = is_compliant(r.status) ? 1 : 0;
  ++cell.counts[static_cast<std::size_t>(r.status)];
  return cell;
}

OverviewCell rollup_cell(const Rollup& r, Language language) {
  OverviewCell cell;
  cell.counts = r.counts;
  cell.applicable = r.applicable;
  for (std::size_t s = 0; s < kStatusCount; ++s)
    if (is_compliant(static_cast<Status>(s))) cell.compliant += r.counts[s];
  cell.tone = tone_of(r.counts);
  cell.status = std::to_string(static_cast<int>(std::lround(r.rate() * 100))) + "%";
  cell.detail = fraction(cell.compliant, cell.applicable) + (language == Language::kChinese ? " 达标" : " kept");
  return cell;
}

// The report's results and roll-ups by (unit, rule).
class ReportIndex {
 public:
  ReportIndex(const CheckReport& report, std::size_t rule_count) : rule_count_(rule_count) {
    for (const auto& r : report.results) results_.emplace(key(r.unit, r.rule), &r);
    for (const auto& r : report.rollup) rollups_.emplace(key(r.unit, r.rule), &r);
  }
  const Result* result(std::size_t unit, std::size_t rule) const { return find(results_, key(unit, rule)); }
  const Rollup* rollup(std::size_t unit, std::size_t rule) const { return find(rollups_, key(unit, rule)); }

 private:
  std::size_t key(std::size_t unit, std::size_t rule) const { return unit * rule_count_ + rule; }
  template <typename T>
  static const T* find(const std::unordered_map<std::size_t, const T*>& map, std::size_t k) {
    const auto it = map.find(k);
    return it == map.end() ? nullptr : it->second;
  }
  std::size_t rule_count_;
  std::unordered_map<std::size_t, const Result*> results_;
  std::unordered_map<std::size_t, const Rollup*> rollups_;
};

std::vector<OverviewColumn> columns_of(const CheckReport& report, const std::vector<Rule>& rules,
                                       const OverviewFilter& filter) {
  std::vector<std::optional<Period>> judged(rules.size());
  for (const auto& r : report.results)
    if (!judged[r.rule]) judged[r.rule] = r.period;
  std::vector<OverviewColumn> columns;
  for (std::size_t r = 0; r < rules.size(); ++r)
    if (judged[r] && (filter.rule.empty() || rules[r].id == filter.rule)) columns.push_back({r, *judged[r]});
  return columns;
}

struct RowMaker {
  const ReportIndex& index;
  const std::vector<Rule>& rules;
  const std::vector<OverviewColumn>& columns;
  Language language;

  OverviewRow own(std::size_t unit) const {
    OverviewRow row{unit, false, {}, 0};
    for (const auto& col : columns) {
      const auto* r = index.result(unit, col.rule);
      row.cells.push_back(r ? own_cell(*r, rules[col.rule], language) : OverviewCell{});
      row.failing += r && !is_compliant(r->status) ? 1 : 0;
    }
    return row;
  }
  OverviewRow rolled_up(std::size_t unit) const {
    OverviewRow row{unit, true, {}, 0};
    for (const auto& col : columns) {
      const auto* r = index.rollup(unit, col.rule);
      row.cells.push_back(r ? rollup_cell(*r, language) : OverviewCell{});
      row.failing += row.cells.back().applicable - row.cells.back().compliant;
    }
    return row;
  }
};

void count_kept(OverviewRow& row) {
  int applicable = 0, compliant = 0;
  for (const auto& c : row.cells) {
    applicable += c.applicable;
    compliant += c.compliant;
  }
  row.kept = applicable == 0 ? 1.0 : static_cast<double>(compliant) / applicable;
}

bool applies(const OverviewRow& row) {
  return std::any_of(row.cells.begin(), row.cells.end(), [](const OverviewCell& c) { return c.applicable > 0; });
}

bool passes(const OverviewRow& row, const UnitTree& tree, const OverviewFilter& filter) {
  if (!filter.unit_type.empty() && tree.at(row.unit).type != filter.unit_type) return false;
  if (!filter.status) return true;
  const auto s = static_cast<std::size_t>(*filter.status);
  return std::any_of(row.cells.begin(), row.cells.end(), [s](const OverviewCell& c) { return c.counts[s] > 0; });
}

}  // namespace

std::string_view tone_name(Tone tone) {
  switch (tone) {
    case Tone::kGood: return "good";
    case Tone::kWarning: return "warning";
    case Tone::kFailed: return "failed";
    case Tone::kIdle: return "idle";
    case Tone::kNone: return "none";
  }
  return "none";
}

Overview build_overview(const CheckReport& report, const UnitTree& tree, const std::vector<Rule>& rules,
                        std::size_t root, const OverviewFilter& filter, Language language) {
  Overview overview;
  overview.root = root;
  overview.columns = columns_of(report, rules, filter);
  const ReportIndex index(report, rules.size());
  const RowMaker make{index, rules, overview.columns, language};
  std::vector<OverviewRow> rows;
  if (filter.every_unit) {
    for (const auto u : tree.subtree(root)) rows.push_back(make.own(u));
  } else {
    rows.push_back(make.own(root));
    for (const auto child : tree.children(root))
      rows.push_back(tree.children(child).empty() ? make.own(child) : make.rolled_up(child));
  }
  for (auto& row : rows)
    if (applies(row) && passes(row, tree, filter)) {
      count_kept(row);
      overview.rows.push_back(std::move(row));
    }
  std::stable_sort(overview.rows.begin(), overview.rows.end(), [](const OverviewRow& a, const OverviewRow& b) {
    return a.failing != b.failing ? a.failing > b.failing : a.kept < b.kept;
  });
  overview.total = make.rolled_up(root);
  return overview;
}

}  // namespace cadence::report
