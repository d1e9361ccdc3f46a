package load

import (
	"slices"
	"strings"
	"testing"

	ldap "github.com/go-ldap/ldap/v3"
)

// FuzzParseDN checks that a DN plainDN splits gets the key and first value
// go-ldap's ParseDN gives it.
func FuzzParseDN(f *testing.F) {
	for _, s := range []string{"uid=a,ou=People,dc=example,dc=com", "UID=Dana.Kim@x,DC=x", "a=b", "a=b,", "a=,b=c", "=b", "a-1=b_c", "1a=b", "a=b,,c=d", "cn=a b,dc=x", "cn=a\\,b", "a=b+c=d"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		key, first, ok := plainDN(s)
		if !ok {
			return
		}
		dn, err := ldap.ParseDN(s)
		if err != nil || len(dn.RDNs) == 0 {
			t.Fatalf("plainDN(%q) = %q, but ParseDN = %v, %v", s, key, dn, err)
		}
		if want := dnKey(dn); key != want {
			t.Fatalf("plainDN(%q) = %q, ParseDN gives %q", s, key, want)
		}
		if want := dn.RDNs[0].Attributes[0].Value; first != want {
			t.Fatalf("plainDN(%q) first = %q, ParseDN gives %q", s, first, want)
		}
	})
}

func TestPlainDN(t *testing.T) {
	for s, want := range map[string]bool{
		"uid=ceo,ou=people,dc=example,dc=com": true, "UID=A.B@x": true,
		"": false, "a=b,": false, "cn=a b": false, "cn=a\\,b": false, "a=b+c=d": false, "1a=b": false, "a=": false,
	} {
		if _, _, ok := plainDN(s); ok != want {
			t.Errorf("plainDN(%q) ok = %v, want %v", s, ok, want)
		}
	}
}

// TestLDIFTypes checks that the interned types are right whether the
// guess (the type that followed last time) holds or not.
func TestLDIFTypes(t *testing.T) {
	var types ldifTypes
	lines := []string{"dn", "objectClass", "uid", "Mail", "dn", "objectClass", "uid", "Mail",
		"dn", "Mail", "uid", "cn;lang-en", "dn", "objectClass", "Mail", "manager", "dn"}
	for i, raw := range lines {
		want := strings.ToLower(raw)
		if j := strings.IndexByte(want, ';'); j >= 0 {
			want = want[:j]
		}
		got := types.lookup([]byte(raw))
		if got.typ != want || got.raw != raw {
			t.Fatalf("line %d %q: type %q (as written %q), want %q", i, raw, got.typ, got.raw, want)
		}
		if used := slices.Index(ldifUsed[:], want); got.used != used {
			t.Fatalf("line %d %q: used %d, want %d", i, raw, got.used, used)
		}
	}
	if len(types.list) != 6 {
		t.Errorf("%d types interned, want 6", len(types.list))
	}
}
