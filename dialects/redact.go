package dialects

import (
	"net/url"
	"regexp"
	"strings"
)

const redacted = "xxxxx"

// secretParams are query or keyword parameters whose values never reach output.
var secretParams = []string{"password", "passwd", "pwd", "token", "secret", "private_key", "privatekey", "privatekeypassphrase", "passcode", "credentials", "key", "access_key", "secret_key"}

func isSecret(name string) bool {
	name = strings.ToLower(name)
	for _, s := range secretParams {
		if name == s || strings.HasSuffix(name, "_"+s) || strings.HasSuffix(name, "password") || strings.HasSuffix(name, "token") {
			return true
		}
	}
	return false
}

// userinfoSecret matches the password of user:password@host, in any scheme
// or in go-sql-driver's user:password@tcp(host) form.
var userinfoSecret = regexp.MustCompile(`^([^:/@]*://)?([^:/@]*):([^@]*)@`)

// keywordSecret matches password=... in keyword/value DSNs (libpq style).
var keywordSecret = regexp.MustCompile(`(?i)\b(password|passwd|pwd|token|secret)\s*=\s*('[^']*'|\S+)`)

// RedactDSN hides passwords and secret parameters in URL, user:pass@ and
// keyword=value DSNs. It errs on the side of hiding.
func RedactDSN(dsn string) string {
	out := userinfoSecret.ReplaceAllString(dsn, "${1}${2}:"+redacted+"@")
	out = keywordSecret.ReplaceAllString(out, "${1}="+redacted)
	if i := strings.IndexByte(out, '?'); i >= 0 {
		q, err := url.ParseQuery(out[i+1:])
		if err != nil {
			return out[:i] + "?" + redacted
		}
		for k := range q {
			if isSecret(k) {
				q[k] = []string{redacted}
			}
		}
		out = out[:i] + "?" + q.Encode()
	}
	return out
}
