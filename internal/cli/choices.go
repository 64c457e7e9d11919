package cli

import (
	"reflect"
	"strings"

	"github.com/alecthomas/kong"
)

// choices makes every enum flag list its choices in its help and accept
// them in any case ("--format JSON", "--type person"): the value is
// folded to the choice's own spelling before kong checks the enum.
func choices() kong.Option {
	return kong.OptionFunc(func(k *kong.Kong) error {
		if err := kong.KindMapper(reflect.String, kong.MapperFunc(foldChoice)).Apply(k); err != nil {
			return err
		}
		return kong.ValueFormatter(helpWithChoices).Apply(k)
	})
}

// foldChoice is kong's string mapper that, for an enum flag, replaces a
// value equal to a choice but for case by that choice.
func foldChoice(ctx *kong.DecodeContext, target reflect.Value) error {
	if err := ctx.Scan.PopValueInto("string", target.Addr().Interface()); err != nil {
		return err
	}
	if ctx.Value == nil || ctx.Value.Enum == "" {
		return nil
	}
	s := target.String()
	for _, e := range ctx.Value.EnumSlice() {
		if strings.EqualFold(e, s) {
			target.SetString(e)
			break
		}
	}
	return nil
}

// helpWithChoices is kong's help text with an enum flag's choices after
// it ("(one of: table, json; any case)").
func helpWithChoices(v *kong.Value) string {
	h := kong.DefaultHelpValueFormatter(v)
	if v.Enum == "" {
		return h
	}
	var list []string
	for _, e := range v.EnumSlice() {
		if e != "" {
			list = append(list, e)
		}
	}
	suffix := "(one of: " + strings.Join(list, ", ") + "; any case)"
	if strings.HasSuffix(h, ".") {
		return h[:len(h)-1] + " " + suffix + "."
	}
	return strings.TrimSpace(h + " " + suffix)
}
