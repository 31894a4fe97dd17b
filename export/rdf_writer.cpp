#include "export/rdf_writer.h"

#include <algorithm>
#include <cassert>

namespace kg::rdf {

namespace {

const std::string kRdfType = std::string(kRdf) + "type";

std::string QuotedLiteral(const Node& node) {
  return "\"" + EscapeLiteral(node.value) + "\"";
}

}  // namespace

std::string NTriplesNode(const Node& node) {
  switch (node.kind) {
    case Node::Kind::kIri:
      return "<" + SanitizeIri(node.value) + ">";
    case Node::Kind::kBlank:
      return "_:" + SanitizeBlankLabel(node.value);
    case Node::Kind::kLiteral:
      if (!node.lang.empty()) return QuotedLiteral(node) + "@" + node.lang;
      if (!node.datatype.empty() && node.datatype != kXsdString) {
        return QuotedLiteral(node) + "^^<" + SanitizeIri(node.datatype) + ">";
      }
      return QuotedLiteral(node);
    case Node::Kind::kTripleTerm:
      return "<<( " + NTriplesNode(node.parts[0]) + " " + NTriplesNode(node.parts[1]) + " " +
             NTriplesNode(node.parts[2]) + " )>>";
  }
  return "";
}

namespace {

// N-Triples and N-Quads: one statement per line.
class LineWriter : public RdfWriter {
 public:
  LineWriter(std::ostream& out, bool quads) : out_(out), quads_(quads) {}

  void Write(const Quad& quad) override {
    assert(quads_ || quad.InDefaultGraph());
    out_ << NTriplesNode(quad.subject) << ' ' << NTriplesNode(quad.predicate) << ' '
         << NTriplesNode(quad.object);
    if (!quad.InDefaultGraph()) out_ << ' ' << NTriplesNode(quad.graph);
    out_ << " .\n";
  }
  void Finish() override { out_.flush(); }
  bool HasGraphs() const override { return quads_; }

 private:
  std::ostream& out_;
  bool quads_;
};

bool IsPnCharsBase(char32_t cp) {
  static const std::pair<char32_t, char32_t> kRanges[] = {
      {0xC0, 0xD6},       {0xD8, 0xF6},     {0xF8, 0x2FF},    {0x370, 0x37D},
      {0x37F, 0x1FFF},    {0x200C, 0x200D}, {0x2070, 0x218F}, {0x2C00, 0x2FEF},
      {0x3001, 0xD7FF},   {0xF900, 0xFDCF}, {0xFDF0, 0xFFFD}, {0x10000, 0xEFFFF}};
  return std::any_of(std::begin(kRanges), std::end(kRanges),
                     [cp](auto range) { return cp >= range.first && cp <= range.second; });
}

bool IsHexDigit(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

// A conservative PN_LOCAL: letters, digits, "_", "-" (not first), %HH and
// the non-ASCII letters of PN_CHARS_BASE / PN_CHARS. No ".", ":" or escapes,
// which some parsers mishandle.
bool IsSafeLocalName(std::string_view local) {
  if (local.empty() || local[0] == '-') return false;
  for (size_t i = 0; i < local.size();) {
    char c = local[i];
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-') {
      ++i;
    } else if (c == '%') {
      if (i + 2 >= local.size() || !IsHexDigit(local[i + 1]) || !IsHexDigit(local[i + 2])) return false;
      i += 3;
    } else {
      char32_t cp = 0;
      size_t length = DecodeUtf8(local, i, &cp);
      bool combining = cp == 0xB7 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x203F || cp == 0x2040;
      if (length == 0 || !(IsPnCharsBase(cp) || (combining && i > 0))) return false;
      i += length;
    }
  }
  return true;
}

// Turtle, TriG and Turtle 1.2: prefixed names, "a", and grouping of
// consecutive triples that share a subject (";") or subject and predicate (",").
class TurtleWriter : public RdfWriter {
 public:
  TurtleWriter(std::ostream& out, std::vector<Prefix> prefixes, bool graphs)
      : out_(out), prefixes_(std::move(prefixes)), graphs_(graphs) {
    for (const Prefix& prefix : prefixes_) {
      out_ << "@prefix " << prefix.name << ": <" << SanitizeIri(prefix.namespace_iri) << "> .\n";
    }
    out_ << '\n';
    // Longest namespace first, so "base/prop/" wins over "base/".
    std::sort(prefixes_.begin(), prefixes_.end(), [](const Prefix& a, const Prefix& b) {
      return a.namespace_iri.size() > b.namespace_iri.size();
    });
  }

  void Write(const Quad& quad) override {
    assert(graphs_ || quad.InDefaultGraph());
    std::string graph = quad.InDefaultGraph() ? "" : Format(quad.graph);
    std::string subject = Format(quad.subject);
    std::string predicate = quad.predicate == Node::Iri(kRdfType) ? "a" : Format(quad.predicate);
    if (graph != graph_) {
      CloseStatement();
      if (!graph_.empty()) out_ << "}\n";
      if (!graph.empty()) out_ << graph << " {\n";
      graph_ = graph;
    }
    std::string indent = graph_.empty() ? "" : "  ";
    if (open_ && subject == subject_ && predicate == predicate_) {
      out_ << ",\n" << indent << "    " << Format(quad.object);
      return;
    }
    if (open_ && subject == subject_) {
      out_ << " ;\n" << indent << "  " << predicate << ' ' << Format(quad.object);
    } else {
      CloseStatement();
      out_ << indent << subject << ' ' << predicate << ' ' << Format(quad.object);
    }
    open_ = true;
    subject_ = std::move(subject);
    predicate_ = std::move(predicate);
  }

  void Finish() override {
    CloseStatement();
    if (!graph_.empty()) out_ << "}\n";
    graph_.clear();
    out_.flush();
  }

  bool HasGraphs() const override { return graphs_; }

 private:
  void CloseStatement() {
    if (open_) out_ << " .\n";
    open_ = false;
  }

  std::string FormatIri(const std::string& iri) const {
    for (const Prefix& prefix : prefixes_) {
      if (iri.size() > prefix.namespace_iri.size() && iri.starts_with(prefix.namespace_iri)) {
        std::string_view local = std::string_view(iri).substr(prefix.namespace_iri.size());
        if (IsSafeLocalName(local)) return prefix.name + ":" + std::string(local);
      }
    }
    return "<" + SanitizeIri(iri) + ">";
  }

  std::string Format(const Node& node) const {
    switch (node.kind) {
      case Node::Kind::kIri:
        return FormatIri(node.value);
      case Node::Kind::kLiteral:
        if (node.lang.empty() && !node.datatype.empty() && node.datatype != kXsdString) {
          return "\"" + EscapeLiteral(node.value) + "\"^^" + FormatIri(node.datatype);
        }
        return NTriplesNode(node);
      case Node::Kind::kTripleTerm:
        return "<<( " + Format(node.parts[0]) + " " + Format(node.parts[1]) + " " + Format(node.parts[2]) + " )>>";
      case Node::Kind::kBlank:
        return NTriplesNode(node);
    }
    return "";
  }

  std::ostream& out_;
  std::vector<Prefix> prefixes_;
  bool graphs_;
  bool open_ = false;
  std::string graph_;  // formatted; "" for the default graph
  std::string subject_;
  std::string predicate_;
};

}  // namespace

std::unique_ptr<RdfWriter> MakeRdfWriter(ExportFormat format, std::ostream& out,
                                         const std::vector<Prefix>& prefixes) {
  switch (format) {
    case ExportFormat::kNTriples: return std::make_unique<LineWriter>(out, false);
    case ExportFormat::kNQuads: return std::make_unique<LineWriter>(out, true);
    case ExportFormat::kTurtle:
    case ExportFormat::kTurtle12: return std::make_unique<TurtleWriter>(out, prefixes, false);
    case ExportFormat::kTriG: return std::make_unique<TurtleWriter>(out, prefixes, true);
    case ExportFormat::kClaims: break;
  }
  return nullptr;
}

}  // namespace kg::rdf
