// The gazetteer's coverage of what real articles name, in the roles the
// rules use: a capex plan's subject, a chip's maker, rivals, a
// headquarters town, a model's developer. Each sentence names entities
// written for unseen articles (Devanagari and Italian spellings, a chip
// model beside its family, a company that starts with a group's name) and
// must yield exactly its claims: a name read as another entity fails.
#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>

#include "ingest/rule_extractor.h"
#include "tests/ingest/test_data.h"

namespace kg::ingest::testing {
namespace {

struct CoverageCase {
  const char* lang;
  const char* sentence;
  const char* claims;  // as rule examples write them, separated by " ; "
};

const CoverageCase kCases[] = {
    // English
    {"en", "Equinix plans to spend $4.5 billion on capital expenditure in 2026.", "Equinix plans_capex USD 4.5bn @2026"},
    {"en", "Crusoe has ordered 12,000 GB300 chips designed by Nvidia.",
     "Crusoe plans_order 12000 GB300 ; Nvidia makes GB300"},
    {"en", "The Hsinchu-based MediaTek declined to comment.", "MediaTek headquartered_in Hsinchu"},
    {"en", "The lab runs Ascend 950 chips designed by Huawei.", "Huawei makes Ascend 950"},
    {"en", "Cohere is competing hard with Mistral AI for bank contracts.", "Cohere competes_with Mistral AI"},
    {"en", "Sify Technologies will invest ₹3,200 crore in data centres next year.",
     "Sify Technologies plans_capex INR 32bn @2027"},
    {"en", "Google's Gemini 3 model improved quickly.", "Google develops Gemini 3"},
    {"en", "Alibaba grew. Its Qwen3 model now handles 80 billion tokens a day.",
     "Alibaba develops Qwen3 ; Qwen3 daily_tokens 80bn tokens @2026-03"},
    {"en", "Separately, Tata Electronics, the Bengaluru-based electronics maker, said it would hire.",
     "Tata Electronics headquartered_in Bengaluru"},
    {"en", "Baidu keeps growing its Baidu AI Cloud business.", "Baidu operates Baidu AI Cloud"},
    {"en", "ByteDance wants to buy 20,000 H800 chips from its supplier.", "ByteDance plans_order 20000 H800"},
    {"en", "Anthropic's Claude Opus model improved quickly.", "Anthropic develops Claude Opus"},
    {"en", "Humain will spend $10 billion on capital expenditure in 2026.", "Humain plans_capex USD 10bn @2026"},
    {"en", "According to Dell'Oro Group, Nebius will invest $2 billion in 2026.", "Nebius plans_capex USD 2bn @2026"},
    {"en", "The Faridabad-based Netweb Technologies declined to comment.",
     "Netweb Technologies headquartered_in Faridabad"},
    // Italian
    {"it", "Acea investirà 1,2 miliardi di euro nel 2026.", "Acea plans_capex EUR 1.2bn @2026"},
    {"it", "STMicroelectronics, con sede a Ginevra, ha chiuso in rialzo.", "STMicroelectronics headquartered_in Geneva"},
    {"it", "Fastweb compete con Iliad e WindTre per i clienti aziendali.",
     "Fastweb competes_with Iliad ; Fastweb competes_with WindTre"},
    {"it", "Il modello Qwen3 di Alibaba migliora in fretta.", "Alibaba develops Qwen3"},
    {"it", "Tata Electronics, con sede a Bengaluru, ha chiuso in rialzo.", "Tata Electronics headquartered_in Bengaluru"},
    {"it", "Seeweb acquisterà 640 GPU H200 di Nvidia entro l'estate.", "Seeweb plans_order 640 H200 ; Nvidia makes H200"},
    {"it", "Cassa Depositi e Prestiti investirà 3 miliardi di euro nel 2027.",
     "Cassa Depositi e Prestiti plans_capex EUR 3bn @2027"},
    {"it", "MPS ha emesso obbligazioni per 750 milioni di euro nel 2025.",
     "Monte dei Paschi di Siena bond_issuance EUR 750m @2025"},
    {"it", "Il laboratorio usa acceleratori Ascend 950 progettati da Huawei.", "Huawei makes Ascend 950"},
    {"it", "Secondo Milano Finanza, Terna investirà 2,5 miliardi di euro nel 2026.", "Terna plans_capex EUR 2.5bn @2026"},
    {"it", "Samsung, con sede a Seul, ha rifiutato di commentare.", "Samsung headquartered_in Seoul"},
    {"it", "Data4, controllata da Brookfield, spenderà di più.", "Brookfield owns Data4"},
    {"it", "Infineon cresce. L'anno scorso la società di Monaco di Baviera aveva investito 3 miliardi di euro.",
     "Infineon headquartered_in Munich ; Infineon capex EUR 3bn @2025"},
    {"it", "Rapidus, con sede a Tokyo, compete con TSMC.", "Rapidus headquartered_in Tokyo ; Rapidus competes_with TSMC"},
    {"it", "Amazon continua a far crescere la sua piattaforma cloud Amazon Bedrock.", "Amazon operates Amazon Bedrock"},
    // Hindi
    {"hi", "फरीदाबाद स्थित नेटवेब टेक्नोलॉजीज ने टिप्पणी से इनकार किया।", "Netweb Technologies headquartered_in Faridabad"},
    {"hi", "टाटा इलेक्ट्रॉनिक्स अगले साल ₹14,000 करोड़ खर्च करेगी, कंपनी के अधिकारी ने पीटीआई को बताया।",
     "Tata Electronics plans_capex INR 140bn @2027"},
    {"hi", "टाटा कंसल्टेंसी सर्विसेस को इंफोसिस और विप्रो से कड़ी टक्कर मिल रही है।",
     "Tata Consultancy Services competes_with Infosys ; Tata Consultancy Services competes_with Wipro"},
    {"hi", "हुआवेई Ascend 950 प्रोसेसर बनाती है।", "Huawei makes Ascend 950"},
    {"hi", "अलीबाबा के Qwen3 मॉडल में तेज़ी से सुधार हुआ।", "Alibaba develops Qwen3"},
    {"hi", "गूगल के जेमिनाई मॉडल में तेज़ी से सुधार हुआ।", "Google develops Gemini"},
    {"hi", "चेन्नै मुख्यालय वाली सिफी टेक्नोलॉजीज ने नतीजे जारी किए।", "Sify Technologies headquartered_in Chennai"},
    {"hi", "कोफोर्ज को एलटीआईमाइंडट्री और एमफैसिस से कड़ी टक्कर मिल रही है।",
     "Coforge competes_with LTIMindtree ; Coforge competes_with Mphasis"},
    {"hi", "माइक्रोसाफ्ट Azure क्लाउड प्लेटफॉर्म चलाती है।", "Microsoft operates Microsoft Azure"},
    {"hi", "सर्वम एआई ने 4,000 एनवीडिया H100 चिप्स का ऑर्डर दिया है।",
     "Nvidia makes H100 ; Sarvam AI plans_order 4000 H100"},
    {"hi", "गुड़गांव स्थित ज़ोमैटो ने टिप्पणी से इनकार किया।", "Zomato headquartered_in Gurugram"},
    {"hi", "बेंगलूरु स्थित इंफोसिस ने टिप्पणी से इनकार किया।", "Infosys headquartered_in Bengaluru"},
    {"hi", "एंथ्रॉपिक के क्लॉड मॉडल में तेज़ी से सुधार हुआ।", "Anthropic develops Claude"},
    {"hi", "रॉयटर्स के अनुसार, योट्टा ने 2026 में पूंजीगत व्यय में ₹8,000 करोड़ खर्च करने की योजना बनाई है।",
     "Yotta Data Services plans_capex INR 80bn @2026"},
    {"hi", "मैसूरु स्थित केन्स टेक्नोलॉजी ने नतीजे जारी किए।", "Kaynes Technology headquartered_in Mysuru"},
};

void PrintTo(const CoverageCase& c, std::ostream* os) { *os << c.lang << ": " << c.sentence; }

std::vector<std::string> SplitClaims(const std::string& claims) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos <= claims.size()) {
    size_t next = claims.find(" ; ", pos);
    out.push_back(claims.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) break;
    pos = next + 3;
  }
  std::sort(out.begin(), out.end());
  return out;
}

class GazetteerCoverage : public ::testing::TestWithParam<CoverageCase> {};

TEST_P(GazetteerCoverage, SentenceYieldsExactlyItsClaims) {
  static auto extractor = RuleExtractor::Create(kRulesDir);
  ASSERT_TRUE(extractor.ok()) << extractor.status().ToString();
  const CoverageCase& c = GetParam();
  Document meta;
  meta.id = "coverage";
  meta.lang = c.lang;
  meta.published = "2026-03";
  auto input = (*extractor)->Extract(c.sentence, meta);
  ASSERT_TRUE(input.ok()) << input.status().ToString();
  std::vector<std::string> got;
  for (const auto& st : input->statements) got.push_back(ClaimLine(st.claim));
  std::sort(got.begin(), got.end());
  got.erase(std::unique(got.begin(), got.end()), got.end());
  EXPECT_EQ(got, SplitClaims(c.claims)) << c.sentence;
}

INSTANTIATE_TEST_SUITE_P(Sentences, GazetteerCoverage, ::testing::ValuesIn(kCases));

}  // namespace
}  // namespace kg::ingest::testing
