// KGQL: the query language of kgstore (docs/kgql.md).
//
// Keywords are case-insensitive (letter fragments: the 4.7.2 tool has no
// caseInsensitive option). Identifiers may be written in any script; marks
// (\p{M}) are part of a word so that Devanagari names lex as one token.
grammar KGQL;

@lexer::header {
#include "query/name_classes.h"
}

query
    : statement ';'? EOF
    ;

statement
    : findStatement
    | explainStatement
    | sourcesStatement
    | conflictsStatement
    | describeStatement
    | entitiesStatement
    | predicatesStatement
    | documentsStatement
    ;

// ---------------------------------------------------------------- FIND

findStatement
    : FIND DISTINCT? findItems
      WHERE patternList
      provenance*
      filterClause?
      groupClause?
      orderClause?
      limitClause?
    ;

explainStatement
    : EXPLAIN findStatement
    ;

findItems
    : '*'
    | findItem+
    ;

findItem
    : VAR                                            # varItem
    | COUNT '(' DISTINCT? (VAR | '*') ')' (AS name)? # countItem
    ;

patternList
    : pattern (',' pattern)*
    ;

pattern
    : subject=term predicate=predicateTerm object=term (AT when=timeTerm)?
    ;

predicateTerm
    : VAR
    | IRI
    | name
    ;

timeTerm
    : VAR
    | NUMBER
    | DATE
    ;

// FROM and LANG restrict or bind the document and language of each mention.
provenance
    : FROM (VAR | STRING | IRI | name)     # fromClause
    | LANG (VAR | STRING | name)     # langClause
    ;

filterClause
    : FILTER expression
    ;

expression
    : expression OR andExpression
    | andExpression
    ;

andExpression
    : andExpression AND notExpression
    | notExpression
    ;

notExpression
    : NOT notExpression
    | primaryExpression
    ;

primaryExpression
    : '(' expression ')'                  # parenExpression
    | left=term comparator right=term     # comparison
    ;

comparator
    : '=' | '!=' | '<>' | '<' | '<=' | '>' | '>='
    ;

groupClause
    : GROUP BY VAR+
    ;

orderClause
    : ORDER BY orderKey (',' orderKey)*
    ;

orderKey
    : (VAR | name) (ASC | DESC)?
    ;

limitClause
    : LIMIT NUMBER
    ;

// ---------------------------------------------------------- other forms

sourcesStatement
    : SOURCES OF pattern provenance*
    ;

conflictsStatement
    : CONFLICTS (OF subject=term predicate=predicateTerm?)?
    ;

describeStatement
    : DESCRIBE term
    ;

entitiesStatement
    : ENTITIES (LIKE (STRING | name))?
    ;

predicatesStatement
    : PREDICATES
    ;

documentsStatement
    : DOCUMENTS
    ;

// --------------------------------------------------------------- terms

term
    : VAR                                # varTerm
    | quantity                           # quantityTerm
    | DATE                               # dateTerm
    | STRING                             # stringTerm
    | IRI                                # iriTerm
    | name                               # nameTerm
    ;

// CNY 160bn, $23bn, 20000 H200, 30tn tokens, 7 percent, 7%, 160 billion.
// A name glued to its amount (RMB160bn) lexes as one NAME; the parser front
// end splits it.
quantity
    : CURRENCY_SYMBOL NUMBER scaleWord?            # symbolQuantity
    | name NUMBER scaleWord?                       # prefixQuantity
    | NUMBER scaleWord? ('%' | name)?              # suffixQuantity
    ;

scaleWord
    : THOUSAND | MILLION | BILLION | TRILLION
    ;

// Keywords that are also harmless as names where a name is expected.
name
    : NAME
    | AS | ASC | DESC | BY | OF | LIKE | LANG | COUNT | GROUP | ORDER | LIMIT
    | SOURCES | CONFLICTS | DESCRIBE | ENTITIES | PREDICATES | DOCUMENTS | EXPLAIN
    ;

// --------------------------------------------------------------- lexer

FIND       : F I N D ;
EXPLAIN    : E X P L A I N ;
WHERE      : W H E R E ;
FILTER     : F I L T E R ;
FROM       : F R O M ;
LANG       : L A N G ;
COUNT      : C O U N T ;
DISTINCT   : D I S T I N C T ;
AS         : A S ;
GROUP      : G R O U P ;
BY         : B Y ;
ORDER      : O R D E R ;
ASC        : A S C ;
DESC       : D E S C ;
LIMIT      : L I M I T ;
SOURCES    : S O U R C E S ;
OF         : O F ;
CONFLICTS  : C O N F L I C T S ;
DESCRIBE   : D E S C R I B E ;
ENTITIES   : E N T I T I E S ;
LIKE       : L I K E ;
PREDICATES : P R E D I C A T E S ;
DOCUMENTS  : D O C U M E N T S ;
AND        : A N D | '&&' ;
OR         : O R | '||' ;
NOT        : N O T | '!' ;
THOUSAND   : T H O U S A N D ;
MILLION    : M I L L I O N ;
BILLION    : B I L L I O N ;
TRILLION   : T R I L L I O N ;

AT         : '@' ;

// 2025-10, 2025-10-14
DATE
    : DIGIT DIGIT DIGIT DIGIT '-' DIGIT DIGIT ('-' DIGIT DIGIT)?
    ;

// 2026, 1.6, 160bn, 1.6tn, 5k, 2m, 3million
NUMBER
    : DIGIT+ ('.' DIGIT+)? SCALE_SUFFIX?
    ;

VAR
    : '?' NAME_PART+
    ;

// <http://example.org/kg/org/0>: an entity or predicate named by its IRI,
// as `kg import` names them. No spaces inside, so `?n < 5` stays a
// comparison.
IRI
    : '<' ~[<>"{}|^`\\\u0000-\u0020]+ '>'
    ;

CURRENCY_SYMBOL
    : '$' | '€' | '£' | '₹'
    ;

STRING
    : '"' ( '\\' . | ~["\\\r\n] )* '"'
    | '\'' ( '\\' . | ~['\\\r\n] )* '\''
    ;

// ByteDance, plans_capex, H200, GPT-4o, Qwen2.5, बाइटडांस
NAME
    : NAME_START NAME_PART* ( [-.] NAME_PART+ )*
    ;

LINE_COMMENT
    : ('--' | '#') ~[\r\n]* -> skip
    ;

WS
    : [ \t\r\n\u00A0\u3000]+ -> skip
    ;

// Anything else is a lexer error, reported with its position.
UNEXPECTED_CHAR
    : .
    ;

fragment SCALE_SUFFIX
    : K | M | B N | T N | M I L L I O N | B I L L I O N | T R I L L I O N | T H O U S A N D
    ;
// NAME_START is [\p{L}_] and NAME_PART [\p{L}\p{M}\p{N}_], written as
// ASCII sets plus one set of the other code points narrowed by a predicate
// on the code point just read: the Unicode sets themselves cost every
// process ~40M instructions of ATN set-up (query/name_classes.h).
fragment NAME_START : [a-zA-Z_] | BEYOND_ASCII { kg::query::IsNameStart(_input->LA(-1)) }? ;
fragment NAME_PART  : [a-zA-Z0-9_] | BEYOND_ASCII { kg::query::IsNamePart(_input->LA(-1)) }? ;
// One interval; the predicates keep out the code points of CURRENCY_SYMBOL
// (£ € ₹) and WS (U+00A0, U+3000), none of them in \p{L}, \p{M} or \p{N}.
fragment BEYOND_ASCII : [\u0080-\u{10FFFF}] ;
fragment DIGIT : [0-9] ;

fragment A : [aA] ; fragment B : [bB] ; fragment C : [cC] ; fragment D : [dD] ;
fragment E : [eE] ; fragment F : [fF] ; fragment G : [gG] ; fragment H : [hH] ;
fragment I : [iI] ; fragment J : [jJ] ; fragment K : [kK] ; fragment L : [lL] ;
fragment M : [mM] ; fragment N : [nN] ; fragment O : [oO] ; fragment P : [pP] ;
fragment Q : [qQ] ; fragment R : [rR] ; fragment S : [sS] ; fragment T : [tT] ;
fragment U : [uU] ; fragment V : [vV] ; fragment W : [wW] ; fragment X : [xX] ;
fragment Y : [yY] ; fragment Z : [zZ] ;
