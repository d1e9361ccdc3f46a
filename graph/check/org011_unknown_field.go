package check

// ORG011: see rules/ORG011.md.
func init() {
	// Reported by the loaders (Org.Diagnostics); the rule is here so that
	// the policy applies to it like to any other.
	register(&Rule{Code: "ORG011", Run: func(*Pass) {}})
}
