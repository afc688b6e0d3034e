// A labelled corpus for measuring detection (issue 14): every identifier type in every shape
// DOMAIN.md documents, embedded in the contexts exports and messages put them in (CSV, JSON,
// HTML, forms, logs, free Russian, Kyrgyz and Kazakh text), and near-misses that are not
// personal data (barcodes, timestamps, GUIDs, order and account numbers, organisation INNs,
// BINs, Luhn-failing numbers, longer grouped numbers, foreign phones, role mailboxes). Each
// case says how many values of each type it holds. Deterministic: one seed, one corpus. The
// values are synthetic; reports name cases by shape and index, never by value.
#pragma once

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "detect/generators.h"
#include "detect/iban_registry.h"

namespace korgoo::detect::testing {

struct LabelledCase {
  std::string text;
  std::string shape;                  // "<type>/<shape>/<context>" or "none/<near-miss>/..."
  std::map<std::string, int> expect;  // type -> values it holds; absent: none
};

// Where values stand. "{}" is the value; every context is text a person or a system writes.
struct CorpusContext {
  std::string_view name;
  std::string_view tmpl;
};

inline const std::vector<CorpusContext>& corpus_contexts() {
  static const std::vector<CorpusContext> kContexts = {
      {"bare", "{}"},
      {"csv", "id,name,value\n7,Testov Test,{}\n"},
      {"csv_semicolon", "7;Тестов Тест;{};Бишкек\r\n"},
      {"csv_quoted", "\"7\",\"Test\",\"{}\"\n"},
      {"json", "{\"id\":7,\"value\":\"{}\",\"ok\":true}"},
      {"json_pretty", "{\n  \"data\": {\n    \"value\": \"{}\"\n  }\n}\n"},
      {"json_array", "[{\"v\":\"{}\"},{\"v\":null}]"},
      {"html_td", "<tr><td>Тестов</td><td>{}</td></tr>"},
      {"html_input", "<input type=\"text\" name=\"v\" value=\"{}\"/>"},
      {"html_p", "<p>Данные: <b>{}</b></p>"},
      {"form", "name=Test&value={}&submit=1"},
      {"log", "2024-01-15 12:00:00 INFO request value={} status=ok\n"},
      {"tab", "Value:\t{}\r\n"},
      {"ru_text", "Прошу проверить данные клиента: {}. Заранее спасибо."},
      {"ru_text2", "Клиент указал {} в заявлении от понедельника."},
      {"ky_text", "Урматтуу кардар, сиздин маалымат: {}, рахмат!"},
      {"ky_text2", "Менин маалыматым {} болуп саналат."},
      {"kk_text", "Құрметті клиент, деректеріңіз: {} тексерілді."},
      {"kk_text2", "Менің деректерім — {}."},
      {"guillemets", "Указано «{}» в анкете"},
      {"parentheses", "(см. {})"},
      {"quoted", "'{}'"},
      {"markdown", "| 3 | {} | да |\n"},
      {"xml", "<value>{}</value>"},
      {"mail_header", "From: Тестов Тест <{}>\r\n"},
      {"html_link", "<a href=\"/u?v={}\">профиль</a>"},
      {"yaml", "value: {}\nnext: 1\n"},
      {"sql", "INSERT INTO t VALUES (7, '{}', NULL);"},
  };
  return kContexts;
}

// Contexts where a value containing `&`, `"`, `<` or a line break would change the shape.
inline bool context_fits(std::string_view context, std::string_view value) {
  const bool multiline = value.find('\n') != std::string_view::npos;
  if (multiline) return context == "bare" || context == "html_p" || context == "xml";
  // An address header holds addresses (and '<' would join an MRZ's filler characters).
  if (context == "mail_header") return value.find('@') != std::string_view::npos;
  return true;
}

class CorpusBuilder {
 public:
  explicit CorpusBuilder(std::uint64_t seed) : r_(seed) {}

  std::vector<LabelledCase> build() {
    for (int i = 0; i < kPerType; ++i) add_kg_pin(i);
    for (int i = 0; i < kPerType; ++i) add_kz_iin(i);
    for (int i = 0; i < kPerType; ++i) add_kg_passport(i);
    for (int i = 0; i < kPerType; ++i) add_mrz(i);
    for (int i = 0; i < kPerType; ++i) add_card(i);
    for (int i = 0; i < kPerType; ++i) add_phone(i);
    for (int i = 0; i < kPerType; ++i) add_email(i);
    for (int i = 0; i < kPerType; ++i) add_iban(i);
    for (int i = 0; i < kNearMisses; ++i) add_near_miss(i);
    for (int i = 0; i < kPerSpecial * static_cast<int>(specials().size()); ++i) add_special(i);
    for (int i = 0; i < kSpecialNearMisses; ++i) add_special_near_miss(i);
    return std::move(cases_);
  }

  static constexpr int kPerType = 2000;
  static constexpr int kNearMisses = 6000;
  static constexpr int kPerSpecial = 500;
  static constexpr int kSpecialNearMisses = 2000;

  // Special-category words as people write them (one keyword of signatures/
  // special_categories.yaml each), by category.
  struct Special {
    std::string_view type;
    std::vector<std::string_view> words;
  };
  static const std::vector<Special>& specials() {
    static const std::vector<Special> kSpecials = {
        {"special.health",
         {"диагнозом", "ВИЧ", "HIV", "туберкулез", "история болезни", "psychiatric"}},
        {"special.biometric",
         {"WSQ", "отпечатки пальцев", "fingerprints", "биометрические", "minutiae"}},
        {"special.genetic", {"ДНК", "геном", "genetic", "генетический"}},
        {"special.religion", {"религия", "мусульманин", "religion", "православная"}},
        {"special.ethnicity", {"национальность", "улуту", "ethnicity", "ұлты"}},
        {"special.political", {"профсоюз", "член партии", "trade union", "political views"}},
    };
    return kSpecials;
  }

 private:
  // A context drawn at random (shapes and contexts vary independently), one that keeps the
  // value's shape.
  const CorpusContext& context_for(std::string_view value) {
    const auto& all = corpus_contexts();
    const auto first = static_cast<std::size_t>(r_.uniform(0, static_cast<int>(all.size()) - 1));
    for (std::size_t k = 0; k < all.size(); ++k) {
      const CorpusContext& c = all[(first + k) % all.size()];
      if (context_fits(c.name, value)) return c;
    }
    return all.front();
  }

  void add(std::string_view type, std::string_view shape, const std::string& value,
           std::map<std::string, int> expect, std::string_view prefix = {}) {
    const CorpusContext& c = context_for(value);
    LabelledCase lc;
    lc.text = format(c.tmpl, std::string(prefix) + value);
    lc.shape = std::string(type) + "/" + std::string(shape) + "/" + std::string(c.name);
    lc.expect = std::move(expect);
    cases_.push_back(std::move(lc));
  }
  void add_one(std::string_view type, std::string_view shape, const std::string& value,
               std::string_view prefix = {}) {
    add(type, shape, value, {{std::string(type), 1}}, prefix);
  }

  std::string letters(int n) {
    std::string s;
    for (int k = 0; k < n; ++k) s.push_back(static_cast<char>('A' + r_.uniform(0, 25)));
    return s;
  }
  std::string nonzero_digits7() {
    std::string d = r_.digits(7);
    if (d == "0000000") d[6] = '1';
    return d;
  }

  // ---- kg_pin: compact, or in the printed groups 1-8-5 (space or dash) -------------------------
  std::string birth_pin(char gender) {
    const int year = r_.uniform(1926, 2024);
    const int month = r_.uniform(1, 12);
    return kg_pin_of(gender, r_.uniform(1, days_in_month(year, month)), month, year,
                     r_.uniform(0, 9999));
  }
  void add_kg_pin(int i) {
    const std::string p = birth_pin(i % 2 ? '1' : '2');
    switch (i % 4) {
      case 0:
      case 1:
        add_one("kg_pin", "compact", p, i % 8 == 1 ? "ПИН " : "");
        break;
      case 2:
        add_one("kg_pin", "groups_space", group(p, {1, 8, 5}, ' '));
        break;
      default:
        add_one("kg_pin", "groups_dash", group(p, {1, 8, 5}, '-'));
    }
  }

  // ---- kz_iin ---------------------------------------------------------------------------------
  void add_kz_iin(int i) { add_one("kz_iin", "compact", kz_iin(r_), i % 5 == 0 ? "ИИН " : ""); }

  // ---- kg_passport: ID/AN/AC + 7 digits in every written form; other series with context ------
  void add_kg_passport(int i) {
    static const std::vector<std::string> kSeries = {"ID", "AN", "AC"};
    const std::string s = kSeries[static_cast<std::size_t>(i) % kSeries.size()];
    const std::string d = nonzero_digits7();
    switch (i % 8) {
      case 0:
        add_one("kg_passport", "compact", s + d);
        break;
      case 1:
        add_one("kg_passport", "space", s + " " + d);
        break;
      case 2:
        // "ID-" + digits is a record key, not an ID card (validator rule): AN and AC only.
        add_one("kg_passport", "dash", (i % 16 < 8 ? "AN-" : "AC-") + d);
        break;
      case 3:
        add_one("kg_passport", "numero", s + " №" + d);
        break;
      case 4:
        add_one("kg_passport", "numero_before", "№ " + s + " " + d);
        break;
      case 5:
        add_one("kg_passport", "numero_tight", s + "№" + d);
        break;
      case 6:
        add_one("kg_passport", "context_word", s + d, "паспорт ");
        break;
      default: {
        std::string other = letters(2);
        if (other == "ID" || other == "AN" || other == "AC") other = "KR";
        add_one("kg_passport", "other_series_with_context", other + d, "паспорт серии ");
      }
    }
  }

  // ---- mrz: TD3 with the line separators of exports, TD1 ---------------------------------------
  std::string yymmdd(int y_lo, int y_hi) {
    return pad(r_.uniform(y_lo, y_hi), 2) + pad(r_.uniform(1, 12), 2) + pad(r_.uniform(1, 28), 2);
  }
  void add_mrz(int i) {
    const bool with_pin = i % 3 == 0;
    const std::string pin = with_pin ? birth_pin(i % 2 ? '1' : '2') : std::string();
    std::map<std::string, int> expect = {{"mrz", 1}};
    if (with_pin) expect["kg_pin"] = 1;
    if (i % 5 == 4) {  // TD1 ID card: three lines of 30
      const std::string doc = "ID" + nonzero_digits7();
      add("mrz", "td1", mrz_td1(doc, with_pin ? pin : "TEST", yymmdd(50, 99), 'F', yymmdd(26, 35)),
          expect);
      return;
    }
    const std::string td3 = mrz_td3((i % 2 ? "AC" : "AN") + nonzero_digits7(), yymmdd(50, 99),
                                    i % 2 ? 'M' : 'F', yymmdd(26, 35), pin);
    const std::string l1 = td3.substr(0, 44);
    const std::string l2 = td3.substr(45);
    switch (i % 10) {
      case 0:
        add("mrz", "td3_newline", l1 + "\n" + l2, expect);
        break;
      case 1:
        add("mrz", "td3_crlf", l1 + "\r\n" + l2 + "\r\n", expect);
        break;
      case 2:
        cases_.push_back(
            {"{\"mrz\":\"" + l1 + "\\n" + l2 + "\"}", "mrz/td3_json_escape/json", expect});
        break;
      case 3:
        cases_.push_back(
            {"id,mrz1,mrz2\n7," + l1 + "," + l2 + "\n", "mrz/td3_csv_columns/csv", expect});
        break;
      case 5:
        cases_.push_back({"{\"line1\":\"" + l1 + "\",\"line2\":\"" + l2 + "\"}",
                          "mrz/td3_json_fields/json", expect});
        break;
      case 6:
        add("mrz", "td3_space", l1 + " " + l2, expect);
        break;
      case 7:
        cases_.push_back({"\t" + l1 + "\n\t" + l2 + "\n", "mrz/td3_tab_indent/bare", expect});
        break;
      case 8:
        cases_.push_back({"<p>" + l1 + "<br>" + l2 + "</p>", "mrz/td3_br/html", expect});
        break;
      default:
        cases_.push_back(
            {"<td>" + l1 + "</td><td>" + l2 + "</td>", "mrz/td3_html_cells/html", expect});
    }
  }

  // ---- payment_card: the issuer table of DOMAIN.md, Luhn, contiguous or grouped ----------------
  struct Brand {
    std::string_view name;
    std::vector<std::string_view> prefixes;
    std::vector<int> lengths;
  };
  static const std::vector<Brand>& brands() {
    static const std::vector<Brand> kBrands = {
        {"visa", {"4"}, {16, 18, 19}},
        {"mastercard", {"51", "52", "53", "54", "55", "2221", "2500", "2720"}, {16}},
        {"mir", {"2200", "2201", "2202", "2203", "2204"}, {16, 17, 18, 19}},
        {"unionpay", {"62", "81"}, {16, 17, 18, 19}},
        {"elcard", {"9417"}, {16}},
        {"amex", {"34", "37"}, {15}},
        {"discover", {"6011", "644", "649", "65"}, {16, 19}},
        {"jcb", {"3528", "3550", "3589"}, {16, 19}},
        {"diners", {"300", "305", "36", "38", "39"}, {14, 16}},
    };
    return kBrands;
  }
  static std::vector<int> grouping(std::string_view brand, int length) {
    if (brand == "amex") return {4, 6, 5};
    if (length == 14) return {4, 6, 4};
    std::vector<int> g(static_cast<std::size_t>(length / 4), 4);
    if (length % 4) g.push_back(length % 4);
    return g;
  }
  void add_card(int i) {
    if (i % 20 == 19) {  // 13-digit Visa: only with a context word (option visa13: context)
      add_one("payment_card", "visa13_with_context", card(r_, "4", 13), "card ");
      return;
    }
    const Brand& b = brands()[static_cast<std::size_t>(i) % brands().size()];
    const std::string prefix(b.prefixes[static_cast<std::size_t>(
        r_.uniform(0, static_cast<int>(b.prefixes.size()) - 1))]);
    const int length =
        b.lengths[static_cast<std::size_t>(r_.uniform(0, static_cast<int>(b.lengths.size()) - 1))];
    const std::string c = card(r_, prefix, length);
    const std::string shape = std::string(b.name) + "_" + std::to_string(length);
    switch ((i / 9) % 4) {
      case 0:
        add_one("payment_card", shape + "_compact", c);
        break;
      case 1:
        add_one("payment_card", shape + "_spaces", group(c, grouping(b.name, length), ' '));
        break;
      case 2:
        add_one("payment_card", shape + "_dashes", group(c, grouping(b.name, length), '-'));
        break;
      default:
        add_one("payment_card", shape + "_context", c, "номер карты ");
    }
  }

  // ---- phone: KG and KZ mobile in every documented format, KG fixed lines ----------------------
  void add_phone(int i) {
    const std::string kg = kg_mobile_national(r_);  // 9 digits
    const std::string kz = kz_mobile_national(r_);  // 10 digits, 7xx
    const std::string fixed = (i % 2 ? "3125" : "3126") + r_.digits(5);
    const auto parens = [](std::string_view lead, std::string_view area, std::string_view rest,
                           const std::vector<int>& groups) {
      return std::string(lead) + "(" + std::string(area) + ") " + group(rest, groups, '-');
    };
    const std::vector<std::pair<std::string_view, std::string>> shapes = {
        {"kg_intl_spaced", "+996 " + group(kg, {3, 3, 3}, ' ')},
        {"kg_intl_compact", "+996" + kg},
        {"kg_00996", "00996" + kg},
        {"kg_national_spaced", "0" + group(kg, {3, 3, 3}, ' ')},
        {"kg_national_compact", "тел. 0" + kg},
        {"kg_intl_parens", parens("+996 ", kg.substr(0, 3), kg.substr(3), {2, 2, 2})},
        {"kg_fixed_parens", parens("", "0" + fixed.substr(0, 3), fixed.substr(3), {2, 2, 2})},
        {"kg_fixed_intl", "+996 " + fixed.substr(0, 3) + " " + fixed.substr(3)},
        {"kz_intl_spaced", "+7 " + group(kz, {3, 3, 2, 2}, ' ')},
        {"kz_intl_compact", "+7" + kz},
        {"kz_8_spaced", "8 " + group(kz, {3, 3, 2, 2}, ' ')},
        {"kz_8_compact", "моб. 8" + kz},
        {"kz_intl_parens", parens("+7 ", kz.substr(0, 3), kz.substr(3), {3, 2, 2})},
        {"kz_8_parens", parens("8 ", kz.substr(0, 3), kz.substr(3), {3, 2, 2})},
        {"kg_intl_pairs", "+996 " + group(kg, {3, 2, 2, 2}, ' ')},
        {"kg_intl_dashes", "+996-" + group(kg, {3, 3, 3}, '-')},
        {"kg_national_parens", parens("", "0" + kg.substr(0, 3), kg.substr(3), {2, 2, 2})},
        {"kz_intl_dashes", "+7-" + group(kz, {3, 3, 2, 2}, '-')},
        {"kz_8_dashes", "8-" + group(kz, {3, 3, 2, 2}, '-')},
        {"kz_intl_block", "+7 " + kz.substr(0, 3) + " " + kz.substr(3)},
    };
    const auto& [shape, value] = shapes[static_cast<std::size_t>(i) % shapes.size()];
    add_one("phone", shape, value);
  }

  // ---- email: ASCII, upper case, apostrophes, UTF-8 local parts and domains, punycode ---------
  void add_email(int i) {
    static const std::vector<std::string> kNames = {"aibek",   "nurlan", "aizada", "talant",
                                                    "gulnara", "bakyt",  "asel",   "timur",
                                                    "dana",    "ermek",  "saule",  "kanat"};
    static const std::vector<std::string> kCyr = {"айбек",   "нурлан", "айзада", "талант",
                                                  "гүлнара", "бакыт",  "әсел",   "тимур"};
    static const std::vector<std::string> kDomains = {
        "mail.kg",           "gmail.com",    "yandex.ru", "inbox.kz",    "mail.ru",
        "university.edu.kg", "company-x.kz", "bk.ru",     "outlook.com", "post.kz"};
    static const std::vector<std::string> kIdn = {"почта.рф", "пошта.қаз", "мисал.кг",
                                                  "xn--80akhbyknj4f.xn--p1ai",
                                                  "XN--80AKHBYKNJ4F.XN--P1AI"};
    const std::string name = r_.pick(kNames);
    const std::string other = r_.pick(kNames);
    if (i % 20 == 19) {
      add_one("email", "mailto", name + "." + other + "@" + r_.pick(kDomains), "mailto:");
      return;
    }
    switch (i % 8) {
      case 0:
        add_one("email", "ascii_dot", name + "." + other + "@" + r_.pick(kDomains));
        break;
      case 1:
        add_one("email", "ascii_digits", name + r_.digits(2) + "@" + r_.pick(kDomains));
        break;
      case 2:
        add_one("email", "ascii_plus_underscore", name + "_" + other + "+tag@" + r_.pick(kDomains));
        break;
      case 3: {
        std::string upper = name + "." + other + "@" + r_.pick(kDomains);
        std::transform(upper.begin(), upper.end(), upper.begin(),
                       [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
        add_one("email", "upper_case", upper);
        break;
      }
      case 4:
        add_one("email", "apostrophe", name + "'" + other + "@" + r_.pick(kDomains));
        break;
      case 5:
        add_one("email", "utf8_local",
                r_.pick(kCyr) + "." + r_.pick(kCyr) + "@" + r_.pick(kDomains));
        break;
      case 6:
        add_one("email", "idn_domain", r_.pick(kCyr) + "@" + r_.pick(kIdn));
        break;
      default:
        add_one("email", "punycode_domain", name + "@" + kIdn[3 + static_cast<std::size_t>(i % 2)]);
    }
  }

  // ---- iban: every registry country, compact, grouped by four, lower case ----------------------
  void add_iban(int i) {
    const auto reg = iban_registry();
    const IbanCountry& c = reg[static_cast<std::size_t>(i) % reg.size()];
    const std::string v = iban(c.code, bban_of(c.structure, r_));
    std::string lower = v;
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    if (i % 25 == 24) {  // the digits of an IBAN hold a valid card number: only the IBAN
      const std::string de = iban("DE", "00" + card(r_, "4", 16));
      add_one("iban", "card_digits_inside", i % 2 ? de : iban_printed(de));
      return;
    }
    switch ((i / static_cast<int>(reg.size())) % 4) {
      case 0:
        add_one("iban", "compact", v);
        break;
      case 1:
        add_one("iban", "grouped", iban_printed(v));
        break;
      case 2:
        add_one("iban", "lower_case", i % 2 ? lower : iban_printed(lower));
        break;
      default:
        add_one("iban", "with_context", v, "IBAN: ");
    }
  }

  // ---- near-misses: look like identifiers, are not personal data -------------------------------
  std::string ean13(std::string_view prefix) {
    std::string d(prefix);
    d += r_.digits(12 - static_cast<int>(prefix.size()));
    int s = 0;
    for (int k = 0; k < 12; ++k) s += (d[static_cast<std::size_t>(k)] - '0') * (k % 2 ? 3 : 1);
    return d + static_cast<char>('0' + (10 - s % 10) % 10);
  }
  std::string hex(int n) {
    static constexpr std::string_view kHex = "0123456789abcdef";
    std::string s;
    for (int k = 0; k < n; ++k) s.push_back(kHex[static_cast<std::size_t>(r_.uniform(0, 15))]);
    return s;
  }
  void add_near_miss(int i) {
    std::map<std::string, int> none;
    switch (i % 20) {
      case 0: {  // EAN-13 barcodes of the region's GS1 prefixes (Luhn passes for some)
        static const std::vector<std::string> kGs1 = {"460", "465", "469", "470", "487"};
        add("none", "ean13", ean13(r_.pick(kGs1)), none, "EAN ");
        break;
      }
      case 1: {  // 13-digit Visa-looking number, no context word: a barcode too
        add("none", "visa13_no_context", card(r_, "4", 13), none);
        break;
      }
      case 2: {  // timestamps
        static const std::vector<std::string> kForms = {"unix_ms", "iso", "compact"};
        const int k = i / 20 % 3;
        const std::string ts =
            k == 0 ? "17" + r_.digits(11)
                   : (k == 1 ? "2024-" + pad(r_.uniform(1, 12), 2) + "-" +
                                   pad(r_.uniform(1, 28), 2) + "T" + pad(r_.uniform(0, 23), 2) +
                                   ":" + pad(r_.uniform(0, 59), 2) + ":00Z"
                             : "2024" + pad(r_.uniform(1, 12), 2) + pad(r_.uniform(1, 28), 2) +
                                   pad(r_.uniform(0, 23), 2) + pad(r_.uniform(0, 59), 2) + "00");
        add("none", "timestamp_" + kForms[static_cast<std::size_t>(k)], ts, none);
        break;
      }
      case 3:  // GUIDs (the last group is often all digits)
        add("none", "guid",
            hex(8) + "-" + hex(4) + "-4" + hex(3) + "-a" + hex(3) + "-" + r_.digits(12), none);
        break;
      case 4:  // order numbers in groups
        add("none", "order_number",
            "ORD-2026-" + r_.digits(4) + "-" + r_.digits(4) + "-" + r_.digits(2), none);
        break;
      case 5:  // bank account numbers (20 digits, Russian/Kyrgyz style)
        add("none", "account_20", "40817810" + r_.digits(12), none, "счёт ");
        break;
      case 6:  // organisation INN: leading 0 + registration date (suppressed, never reported)
        add("none", "org_inn", org_inn(r_), none, i % 40 == 6 ? "ИНН " : "");
        break;
      case 7:  // Kazakh BIN (5th digit 4-6)
        add("none", "kz_bin", kz_bin(r_), none, "БИН ");
        break;
      case 8: {  // Luhn-failing card-shaped numbers (account or order numbers)
        const Brand& b = brands()[static_cast<std::size_t>(i / 20) % brands().size()];
        add("none", "luhn_fail_" + std::string(b.name),
            card(r_, b.prefixes.front(), b.lengths.front(), false), none);
        break;
      }
      case 9: {  // a longer grouped number: five groups of four
        add("none", "grouped_5x4", group(r_.digits(20), {4, 4, 4, 4, 4}, ' '), none);
        break;
      }
      case 10: {  // a phone-shaped tail of a longer grouped number
        add("none", "phone_tail_of_longer",
            r_.digits(4) + " 0" + group(kg_mobile_national(r_), {3, 3, 3}, ' '), none, "ref ");
        break;
      }
      case 11: {  // foreign and Russian numbers (RU off by default)
        const std::string n = i / 20 % 2
                                  ? "+1 " + pad(r_.uniform(201, 989), 3) + " 555 " + r_.digits(4)
                                  : "+7 9" + r_.digits(2) + " " + r_.digits(3) + " " +
                                        r_.digits(2) + " " + r_.digits(2);
        add("none", i / 20 % 2 ? "phone_us" : "phone_ru", n, none);
        break;
      }
      case 12:  // role mailboxes (organisations'), asset names, package versions
        add("none", "role_mailbox",
            r_.pick(std::vector<std::string>{"info", "noreply", "support", "admin", "sales"}) +
                "@company" + r_.digits(2) + ".kg",
            none);
        break;
      case 13:
        add("none", "asset_name",
            "icon" + r_.digits(1) + "@" + std::to_string(r_.uniform(2, 3)) + "x.png", none);
        break;
      case 14:  // invoice numbers with a passport-like series but not ID/AN/AC, no context
        if (i / 20 % 2) {
          add("none", "series_no_context", "INV-" + letters(2) + r_.digits(7) + "-1", none);
        } else {
          add("none", "id_record_key", "ID-" + r_.digits(7), none);
        }
        break;
      case 15: {  // PIN-shaped with a bad gender digit (5, 7, 9: no 14-digit card starts so)
        const std::string p =
            kg_pin_of("579"[static_cast<std::size_t>(r_.uniform(0, 2))], r_.uniform(1, 28),
                      r_.uniform(1, 12), r_.uniform(1950, 2010), r_.uniform(0, 9999));
        add("none", "pin_bad_gender", p, none);
        break;
      }
      case 16:  // IBAN with a bad check (one digit changed)
      {
        std::string v = iban("DE", r_.digits(18));
        v[10] = static_cast<char>('0' + (v[10] - '0' + 1) % 10);
        add("none", "iban_bad_check", v, none);
        break;
      }
      case 17:  // IPv4 addresses and prices
        add("none", "ip_and_price",
            std::to_string(r_.uniform(1, 223)) + "." + std::to_string(r_.uniform(0, 255)) + "." +
                std::to_string(r_.uniform(0, 255)) + "." + std::to_string(r_.uniform(1, 254)) +
                " " + std::to_string(r_.uniform(100, 99999)) + ".50 KGS",
            none);
        break;
      case 18:  // hashes and long hex digests
        add("none", "sha256", hex(64), none);
        break;
      default:  // tracking numbers: 2 letters + 9 digits + 2 letters
        add("none", "tracking", letters(2) + r_.digits(9) + "KG", none);
    }
  }

  // ---- special categories: a word in text is found; in ciphertext, binary or a longer word not
  void add_special(int i) {
    const Special& sp = specials()[static_cast<std::size_t>(i) % specials().size()];
    const std::string word(
        sp.words[static_cast<std::size_t>(r_.uniform(0, static_cast<int>(sp.words.size()) - 1))]);
    add_one(sp.type, "word", word);
  }
  std::string random_bytes(int n) {
    std::string out;
    for (int k = 0; k < n; ++k) out.push_back(static_cast<char>(r_.uniform(0, 255)));
    return out;
  }
  // Bytes that are never text: C0 controls (not tab, CR, LF) and bytes no UTF-8 starts with.
  char binary_byte() {
    static constexpr char kBytes[] =
        "\x00\x01\x02\x03\x04\x05\x06\x07\x0b\x0c\x0e\x10\x1f\x80\x9f\xbf\xf8\xff";
    constexpr int kCount = static_cast<int>(sizeof kBytes) - 1;  // without the terminating NUL
    return kBytes[r_.uniform(0, kCount - 1)];
  }
  static bool is_short(std::string_view word) {
    std::size_t n = 0;
    for (char c : word) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n <= 3;
  }
  // Short words in ciphertext or binary, even between spaces; any word touching binary bytes;
  // words inside longer words or base64.
  void add_special_near_miss(int i) {
    const Special& sp = specials()[static_cast<std::size_t>(i) % specials().size()];
    std::vector<std::string_view> short_words;
    for (auto w : sp.words)
      if (is_short(w)) short_words.push_back(w);
    const std::string word(
        sp.words[static_cast<std::size_t>(r_.uniform(0, static_cast<int>(sp.words.size()) - 1))]);
    std::map<std::string, int> none;
    const int kind = i / static_cast<int>(specials().size()) % 4;
    if (kind < 2 && !short_words.empty()) {
      const std::string w(short_words[static_cast<std::size_t>(
          r_.uniform(0, static_cast<int>(short_words.size()) - 1))]);
      const std::string head = kind == 0 ? "\x17\x03\x03\x01\x00" : "";
      cases_.push_back(
          {head + random_bytes(r_.uniform(8, 40)) + " " + w + " " + random_bytes(40),
           kind == 0 ? "none/short_special_in_tls/bare" : "none/short_special_in_binary/bare",
           none});
      return;
    }
    switch (kind) {
      case 0:
      case 1:
        cases_.push_back({random_bytes(r_.uniform(8, 40)) + binary_byte() + word + binary_byte() +
                              random_bytes(40),
                          "none/special_touching_binary/bare", none});
        break;
      case 2:
        add("none", "special_inside_word", "pre" + word + "x", none);
        break;
      default:
        add("none", "special_in_base64", "iVBORw0KGgoAAAANSUhEUg" + word + "AAAAEAAAAB", none);
    }
  }

  Rng r_;
  std::vector<LabelledCase> cases_;
};

inline std::vector<LabelledCase> labelled_corpus(std::uint64_t seed) {
  return CorpusBuilder(seed).build();
}

}  // namespace korgoo::detect::testing
