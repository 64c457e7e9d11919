package export

import (
	"strings"
	"sync"

	"golang.org/x/text/language"
)

// fipsPairs lists ISO 3166 alpha-2 → FIPS 10-4 country codes, the codes
// GDELT's *Geo_CountryCode columns use. Countries whose FIPS code equals
// their ISO alpha-2 code are listed too, so a country missing here is
// one GDELT has no FIPS code for.
const fipsPairs = `AF:AF AL:AL DZ:AG AS:AQ AD:AN AO:AO AI:AV AQ:AY AG:AC AR:AR AM:AM AW:AA AU:AS AT:AU AZ:AJ
BS:BF BH:BA BD:BG BB:BB BY:BO BE:BE BZ:BH BJ:BN BM:BD BT:BT BO:BL BA:BK BW:BC BR:BR VG:VI BN:BX BG:BU BF:UV
MM:BM BI:BY KH:CB CM:CM CA:CA CV:CV KY:CJ CF:CT TD:CD CL:CI CN:CH CX:KT CC:CK CO:CO KM:CN CG:CF CD:CG CK:CW
CR:CS CI:IV HR:HR CU:CU CW:UC CY:CY CZ:EZ DK:DA DJ:DJ DM:DO DO:DR EC:EC EG:EG SV:ES GQ:EK ER:ER EE:EN SZ:WZ
ET:ET FK:FK FO:FO FJ:FJ FI:FI FR:FR GF:FG PF:FP GA:GB GM:GA GE:GG DE:GM GH:GH GI:GI GR:GR GL:GL GD:GJ GP:GP
GU:GQ GT:GT GG:GK GN:GV GW:PU GY:GY HT:HA HN:HO HK:HK HU:HU IS:IC IN:IN ID:ID IR:IR IQ:IZ IE:EI IM:IM IL:IS
IT:IT JM:JM JP:JA JE:JE JO:JO KZ:KZ KE:KE KI:KR KP:KN KR:KS XK:KV KW:KU KG:KG LA:LA LV:LG LB:LE LS:LT LR:LI
LY:LY LI:LS LT:LH LU:LU MO:MC MK:MK MG:MA MW:MI MY:MY MV:MV ML:ML MT:MT MH:RM MQ:MB MR:MR MU:MP YT:MF MX:MX
FM:FM MD:MD MC:MN MN:MG ME:MJ MS:MH MA:MO MZ:MZ NA:WA NR:NR NP:NP NL:NL NC:NC NZ:NZ NI:NU NE:NG NG:NI NU:NE
NF:NF MP:CQ NO:NO OM:MU PK:PK PW:PS PA:PM PG:PP PY:PA PE:PE PH:RP PN:PC PL:PL PT:PO PR:RQ QA:QA RE:RE RO:RO
RU:RS RW:RW SH:SH KN:SC LC:ST PM:SB VC:VC WS:WS SM:SM ST:TP SA:SA SN:SG RS:RI SC:SE SL:SL SG:SN SX:NN SK:LO
SI:SI SB:BP SO:SO ZA:SF SS:OD ES:SP LK:CE SD:SU SR:NS SE:SW CH:SZ SY:SY TW:TW TJ:TI TZ:TZ TH:TH TL:TT TG:TO
TK:TL TO:TN TT:TD TN:TS TR:TU TM:TX TC:TK TV:TV UG:UG UA:UP AE:AE GB:UK US:US UY:UY UZ:UZ VU:NH VA:VT VE:VE
VN:VM VI:VQ WF:WF EH:WI YE:YM ZM:ZA ZW:ZI`

// fipsByISO3 maps ISO 3166 alpha-3 codes to FIPS 10-4, built once.
var fipsByISO3 = sync.OnceValue(func() map[string]string {
	out := map[string]string{}
	for _, pair := range strings.Fields(fipsPairs) {
		iso2, fips, _ := strings.Cut(pair, ":")
		if r, err := language.ParseRegion(iso2); err == nil {
			out[r.ISO3()] = fips
		}
	}
	out["XKX"] = "KV" // Kosovo's user-assigned code
	return out
})

// FIPS returns the FIPS 10-4 country code GDELT uses for an ISO 3166
// alpha-3 code, "" when there is none. Palestine has two in GDELT: the
// Gaza Strip (GZ) and the West Bank (WE), told apart by longitude when
// the place has coordinates (Gaza lies west of 34.6°E).
func FIPS(iso3 string, lon *float64) string {
	if iso3 == "PSE" {
		if lon != nil && *lon < 34.6 {
			return "GZ"
		}
		return "WE"
	}
	return fipsByISO3()[iso3]
}

// nonFIPSAdmin1 lists countries whose GeoNames first-level codes are not
// FIPS 10-4 ones (GeoNames documents ISO codes for these, and its own for
// the United Kingdom and France's 2016 regions): their GDELT ADM1 code
// cannot be derived. The United States is absent on purpose: GDELT's
// ADM1 codes for its states are the postal ones GeoNames uses ("USTX").
var nonFIPSAdmin1 = map[string]bool{"BE": true, "CH": true, "ME": true, "GB": true, "FR": true}

// ADM1 returns GDELT's ADM1Code for a first-level division stored as a
// GeoNames code ("NG.29", "US.TX"): the FIPS country code and the
// division's two-character code ("NI29", "USTX"), or "" when it cannot
// be derived. iso3 and lon pick the FIPS country as FIPS does.
func ADM1(region, iso3 string, lon *float64) string {
	cc, a1, ok := strings.Cut(region, ".")
	fips := FIPS(iso3, lon)
	if !ok || len(a1) != 2 || nonFIPSAdmin1[cc] || fips == "" {
		return ""
	}
	return fips + a1
}
