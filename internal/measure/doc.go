// Package measure finds quantities in sentences: a number (digits,
// "1,500", "3.5", spelled "nineteen", with "million"/"bn" scales) with a
// unit from lexicon/measure/units.tsv ("44-kilometer" → 44 km, "$5
// billion" → 5e9 USD, "500 North Korean troops" → 500 person, "a crew of
// 19" → 19 person). A parenthesised second reading of the same amount
// ("44-kilometer (24-nautical mile)") is kept as Also when the two agree
// within 10% (lexicon/measure/dimensions.tsv gives the conversions).
//
// A number without a unit is never a quantity, which keeps years, dates,
// phone numbers and designations ("Kuang Hua VI") out.
package measure
