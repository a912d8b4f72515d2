package dialects

import (
	"net/url"
	"regexp"
	"strings"

	"github.com/mtxhq/mtx/internal/redact"
)

// secretParams are query or keyword parameters whose values never reach output.
var secretParams = []string{"password", "passwd", "pwd", "token", "secret", "private_key", "privatekey", "privatekeypassphrase", "passcode", "credentials", "key", "access_key", "secret_key"}

func isSecret(name string) bool {
	name = strings.ToLower(name)
	for _, s := range secretParams {
		if name == s || strings.HasSuffix(name, "_"+s) || strings.HasSuffix(name, "password") || strings.HasSuffix(name, "token") || strings.HasSuffix(name, "secret") {
			return true
		}
	}
	return false
}

// keywordSecret matches password=... in keyword/value DSNs (libpq style):
// a quoted value with backslash escapes, or one word.
var keywordSecret = regexp.MustCompile(`(?i)(?:^|[\s;?&])([a-z_]*(?:password|passwd|pwd|token|secret))\s*=\s*('((?:[^'\\]|\\.)*)'?|[^\s&;]+)`)

// LenientSecrets finds the secrets of a DSN without a driver's parser, for
// the DSNs that parser refuses (whose errors may quote them) and as a
// second opinion: the password of scheme://user:password@host (the last
// @ when the URL does not parse: a raw @ in the password), of go-sql-driver's
// and gosnowflake's user:password@host, keyword values (password='…'),
// and secret query parameters. Each comes raw and decoded. It errs on the
// side of hiding.
func LenientSecrets(dsn string) []string {
	var out []string
	add := func(raw string) {
		if raw == "" {
			return
		}
		out = append(out, raw)
		if dec, err := url.PathUnescape(raw); err == nil && dec != raw {
			out = append(out, dec)
		}
		if dec, err := url.QueryUnescape(raw); err == nil && dec != raw {
			out = append(out, dec)
		}
		out = append(out, pieces(raw)...)
	}
	query := ""
	if scheme, rest, ok := strings.Cut(dsn, "://"); ok && !strings.ContainsAny(scheme, " =") {
		if u, err := url.Parse(dsn); err == nil {
			if _, has := u.User.Password(); has {
				_, raw, _ := strings.Cut(u.User.String(), ":")
				add(raw)
				p, _ := u.User.Password()
				add(p)
			}
			query = u.RawQuery
			// A raw # or ? in a password parses as a fragment or query
			// with no password at all: read the text as written too.
			add(UserinfoPassword(rest))
		} else {
			add(UserinfoPassword(rest))
			if _, q, ok := strings.Cut(rest, "?"); ok {
				query = q
			}
		}
	} else if !keywordForm(dsn) {
		// user:password@tcp(host)/db or user:password@account/db: the
		// drivers split at the last @ before the last /.
		add(UserinfoPassword(dsn))
		if _, q, ok := strings.Cut(dsn, "?"); ok {
			query = q
		}
	}
	for _, m := range keywordSecret.FindAllStringSubmatch(dsn, -1) {
		if strings.HasPrefix(m[2], "'") {
			add(m[3])
			add(unescapeKeyword(m[3]))
		} else {
			add(m[2])
		}
	}
	for _, kv := range strings.FieldsFunc(query, func(r rune) bool { return r == '&' || r == ';' }) {
		k, v, _ := strings.Cut(kv, "=")
		if dk, err := url.QueryUnescape(k); err == nil {
			k = dk
		}
		if isSecret(k) {
			add(v)
		}
	}
	return out
}

// minPiece is the shortest piece of a secret hidden on its own: shorter
// ones would hide every such letter of the output and reveal little.
const minPiece = 4

// pieces are the parts of a secret that a URL parser misreading a raw
// / ? # @ or : in a password may quote on their own ("invalid port
// \":part\" after host", a database named after the rest): the parts
// between those delimiters, and the text before and after each one.
func pieces(s string) []string {
	var out []string
	isDelim := func(r rune) bool { return strings.ContainsRune("/?#@:", r) }
	parts := strings.FieldsFunc(s, isDelim)
	if len(parts) < 2 {
		return nil
	}
	for _, p := range parts {
		if len(p) >= minPiece {
			out = append(out, p)
		}
	}
	for i, r := range s {
		if !isDelim(r) {
			continue
		}
		if len(s[:i]) >= minPiece {
			out = append(out, s[:i])
		}
		if len(s[i+1:]) >= minPiece {
			out = append(out, s[i+1:])
		}
	}
	return out
}

// LenientUser is the user name of a DSN in the forms LenientSecrets
// reads ("" when it finds none).
func LenientUser(dsn string) string {
	if m := keywordUser.FindStringSubmatch(dsn); m != nil && keywordForm(dsn) {
		return strings.Trim(m[1], "'")
	}
	rest := dsn
	if scheme, r, ok := strings.Cut(dsn, "://"); ok && !strings.ContainsAny(scheme, " =") {
		if u, err := url.Parse(dsn); err == nil {
			return u.User.Username()
		}
		rest = r
	}
	head := rest
	if i := strings.LastIndexByte(rest, '/'); i >= 0 && strings.Contains(rest[:i], "@") {
		head = rest[:i]
	}
	at := strings.LastIndexByte(head, '@')
	if at < 0 {
		return ""
	}
	user, _, _ := strings.Cut(head[:at], ":")
	if dec, err := url.PathUnescape(user); err == nil {
		user = dec
	}
	return user
}

var keywordUser = regexp.MustCompile(`(?i)(?:^|\s)user\s*=\s*('[^']*'|\S+)`)

// NotUser drops from secrets the user's own name. A password equal to
// the user (a test engine's mtx/mtx) is shown wherever the user is, and
// hiding it in all output would mask every word that contains it; a DSN
// itself is still shown with it masked (RedactDSN).
func NotUser(secrets []string, user string) []string {
	if user == "" {
		return secrets
	}
	out := secrets[:0:0]
	for _, s := range secrets {
		if s != user {
			out = append(out, s)
		}
	}
	return out
}

// keywordForm reports whether dsn is libpq's key=value form.
func keywordForm(dsn string) bool {
	k, _, ok := strings.Cut(strings.TrimSpace(dsn), "=")
	return ok && !strings.ContainsAny(k, ":@/ ")
}

// UserinfoPassword is the password in "user:password@host…": up to the
// last @ before the last / (or the last @), after the first colon; "" when
// the user part does not look like one.
func UserinfoPassword(s string) string {
	head := s
	if i := strings.LastIndexByte(s, '/'); i >= 0 && strings.Contains(s[:i], "@") {
		head = s[:i]
	}
	at := strings.LastIndexByte(head, '@')
	if at < 0 {
		return ""
	}
	user, pass, ok := strings.Cut(head[:at], ":")
	if !ok || strings.ContainsAny(user, " =/?") {
		return ""
	}
	return pass
}

func unescapeKeyword(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '\\' && i+1 < len(s) {
			i++
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// RedactDSN hides the secrets LenientSecrets finds: for DSNs no engine
// parser has looked at. Dialects redact with their own parser's secrets
// too (Redact).
func RedactDSN(dsn string) string { return redact.String(dsn, LenientSecrets(dsn)...) }

// Redact hides in s the secrets of dsn: those d's own parser finds
// (DSNSecrets) and the lenient ones.
func Redact(d Dialect, dsn, s string) string { return redact.String(s, d.DSNSecrets(dsn)...) }
