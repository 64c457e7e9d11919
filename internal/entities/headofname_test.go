package entities

import "testing"

// TestHeadBeforeOf: in "X of Y" the organisation word X heads the name
// and gives its sector, not a suffix word that ends Y ("Resources",
// "Mines", "Energy").
func TestHeadBeforeOf(t *testing.T) {
	checkOrgCodes(t, []annotatedOrg{
		{"west Africa", "Officials said the [[ORG Ministry of Lands and Natural Resources]] would review the claims in Accra.", "GHAGOV"},
		{"South America", "The [[ORG Ministry of Energy and Mines]] in Lima approved the concession.", "PERGOV"},
		{"southern Africa", "The [[ORG Department of Mineral Resources]] in Pretoria suspended the licence.", "ZAFGOV"},
		{"Middle East", "The [[ORG Ministry of Water Resources]] in Baghdad warned of shortages.", "IRQGOV"},
		{"Middle East", "The [[ORG Bank of Industry and Mines]] in Tehran cut its rates.", "IRNBUS"},
		{"west Africa", "The [[ORG University of Mines and Technology]] in Tarkwa closed for a week.", "GHAEDU"},
	}, false)
}
