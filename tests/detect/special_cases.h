// Special-category keyword cases: every keyword of signatures/special_categories.yaml in a
// sentence (positive), and glued to a letter (negative).
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace korgoo::detect::testing {

struct KeywordCase {
  std::string type;
  std::string text;
};

inline std::vector<KeywordCase> special_positives() {
  return {
      {"special.health", "Диагноз: ОРВИ"},
      {"special.health", "диагнозы пациента"},
      {"special.health", "ВИЧ-инфекция не выявлена"},
      {"special.health", "результаты: вич отрицательный"},
      {"special.health", "анализ крови от 12.03"},
      {"special.health", "Туберкулез легких"},
      {"special.health", "ТУБЕРКУЛЁЗ"},
      {"special.health", "Медициналык карта"},
      {"special.health", "медицинская карта №5"},
      {"special.health", "история болезни"},
      {"special.health", "группа инвалидности II"},
      {"special.health", "HIV positive"},
      {"special.health", "Diagnosis: flu"},
      {"special.health", "medical records attached"},
      {"special.health", "мүгедектігі бар"},
      {"special.health", "(беременность 12 недель)"},
      {"special.biometric", "Биометрические данные"},
      {"special.biometric", "биометрия.zip"},
      {"special.biometric", "отпечатки пальцев"},
      {"special.biometric", "fingerprint template"},
      {"special.biometric", "ISO/IEC 19794-2 record"},
      {"special.biometric", "Дактилоскопическая регистрация"},
      {"special.religion", "Вероисповедание: ислам"},
      {"special.religion", "religion: none"},
      {"special.religion", "православный"},
      {"special.religion", "Диний ишеними"},
      {"special.ethnicity", "Национальность: кыргыз"},
      {"special.ethnicity", "Улуту: кыргыз"},
      {"special.ethnicity", "ұлты: қазақ"},
      {"special.ethnicity", "Ethnicity: Asian"},
      {"special.political", "член партии с 2010"},
      {"special.political", "Профсоюзная организация"},
      {"special.political", "trade union member"},
      {"special.political", "Саясий көз караштары"},
      {"special.genetic", "Генетический анализ"},
      {"special.genetic", "ДНК-тест"},
      {"special.genetic", "genome sequencing"},
      {"special.genetic", "\"genetic\": true"},
  };
}

inline std::vector<KeywordCase> special_negatives() {
  return {
      {"special.health", "ПредДиагноз"},
      {"special.health", "xdiagnosis"},
      {"special.health", "Hive"},
      {"special.health", "archive"},
      {"special.health", "shiv"},
      {"special.health", "вичка"},
      {"special.health", "спидометр"},
      {"special.health", "анализатор"},
      {"special.health", "анализ рынка"},
      {"special.health", "противотуберкулез"},
      {"special.health", "disabilityX"},
      {"special.health", "predisability"},
      {"special.health", "hepatitisB1"},
      {"special.health", "aids"},
      {"special.biometric", "небиометрия"},
      {"special.biometric", "WSQX"},
      {"special.biometric", "irises"},
      {"special.biometric", "minutiaes"},
      {"special.religion", "religions"},
      {"special.religion", "irreligion"},
      {"special.religion", "religiously"},
      {"special.religion", "muslims"},
      {"special.religion", "christiania"},
      {"special.religion", "Дининдеги"},
      {"special.ethnicity", "ethnicitylab"},
      {"special.ethnicity", "Улутуна"},
      {"special.political", "ex-trade"},
      {"special.political", "член"},
      {"special.political", "partymembership"},
      {"special.genetic", "ДНКР"},
      {"special.genetic", "DNA"},
      {"special.genetic", "congenital"},
      {"special.genetic", "биогенетический"},
      {"special.genetic", "агеном"},
  };
}

}  // namespace korgoo::detect::testing
