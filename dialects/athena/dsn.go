package athena

import (
	"errors"
	"fmt"
	"net/url"
	"sort"
	"strings"

	"github.com/mtxhq/mtx/dialects"
	"github.com/trinodb/trino-go-client/trino"
)

// The two DSN forms --dialect athena accepts:
//
//	http://USER@HOST:PORT?catalog=iceberg&schema=SCHEMA   Trino (trino-go-client's DSN;
//	                                                      https:// with USER:PASSWORD)
//	athena://REGION?workgroup=W&output_location=s3://BUCKET/PATH/&database=DB
//	       [&location=s3://BUCKET/PREFIX/][&catalog=AwsDataCatalog]
//	       [&access_key_id=…&secret_access_key=…[&session_token=…]]
//
// location is where the Iceberg tables mtx creates keep their data and
// metadata (PREFIX/SCHEMA/TABLE/): Athena's CREATE TABLE for Iceberg needs
// a LOCATION, Trino's catalog picks one itself.
//
// The Athena form takes its credentials from the AWS default chain unless
// keys are given (secret_access_key and session_token are secrets).
type dsnConfig struct {
	trino  *trino.Config // the Trino form
	athena *athenaConfig // the Athena form
}

type athenaConfig struct {
	Region, Workgroup, OutputLocation, Database, Catalog string
	Location                                             string
	AccessKeyID, SecretAccessKey, SessionToken           string
}

// athenaParams are the parameters of the Athena form.
var athenaParams = map[string]bool{
	"workgroup": true, "output_location": true, "database": true, "catalog": true, "location": true,
	"access_key_id": true, "secret_access_key": true, "session_token": true,
}

func dsnError(dsn string, err error) error {
	return fmt.Errorf("invalid Athena DSN %s: %s", Dialect{}.RedactDSN(dsn), dialects.Redact(Dialect{}, dsn, err.Error()))
}

// parseDSN reads either form; its error names the DSN, redacted.
func parseDSN(dsn string) (*dsnConfig, error) {
	c, err := parseRaw(dsn)
	if err != nil {
		return nil, dsnError(dsn, err)
	}
	return c, nil
}

// parseRaw reads either form; its error does not quote the DSN (redaction
// itself parses through here).
func parseRaw(dsn string) (*dsnConfig, error) {
	scheme, _, ok := strings.Cut(dsn, "://")
	if !ok {
		return nil, (errors.New("want http://user@host:port?catalog=iceberg (Trino) or athena://region?workgroup=…&output_location=s3://…&database=…"))
	}
	switch strings.ToLower(scheme) {
	case "http", "https":
		cfg, err := trino.ParseDSN(dsn)
		if err != nil {
			return nil, err
		}
		if cfg.Catalog == "" {
			return nil, errors.New("the catalog parameter is missing (e.g. ?catalog=iceberg)")
		}
		if cfg.TimeZone == "" {
			cfg.TimeZone = "UTC"
		}
		return &dsnConfig{trino: cfg}, nil
	case "athena":
		a, err := parseAthena(dsn)
		if err != nil {
			return nil, err
		}
		return &dsnConfig{athena: a}, nil
	}
	return nil, (fmt.Errorf("unknown scheme %q: want http, https (Trino) or athena", scheme))
}

func parseAthena(dsn string) (*athenaConfig, error) {
	u, err := url.Parse(dsn)
	if err != nil {
		return nil, errors.New("not a URL")
	}
	if u.User != nil {
		return nil, errors.New("credentials go in access_key_id and secret_access_key (or the AWS default chain), not before the region")
	}
	if u.Host == "" || strings.Trim(u.Path, "/") != "" {
		return nil, errors.New("want athena://REGION?… (e.g. athena://us-east-1?workgroup=primary&…)")
	}
	q := u.Query()
	var unknown []string
	for k := range q {
		if !athenaParams[k] {
			unknown = append(unknown, k)
		}
	}
	if len(unknown) > 0 {
		sort.Strings(unknown)
		return nil, fmt.Errorf("unknown parameter %s (known: access_key_id, catalog, database, location, output_location, secret_access_key, session_token, workgroup)", strings.Join(unknown, ", "))
	}
	a := &athenaConfig{
		Region: u.Host, Workgroup: q.Get("workgroup"), OutputLocation: q.Get("output_location"),
		Database: q.Get("database"), Catalog: q.Get("catalog"), Location: q.Get("location"),
		AccessKeyID: q.Get("access_key_id"), SecretAccessKey: q.Get("secret_access_key"), SessionToken: q.Get("session_token"),
	}
	if a.Workgroup == "" {
		a.Workgroup = "primary"
	}
	if a.Catalog == "" {
		a.Catalog = "AwsDataCatalog"
	}
	if a.OutputLocation != "" && !strings.HasPrefix(a.OutputLocation, "s3://") {
		return nil, fmt.Errorf("output_location %q is not an s3:// URL", a.OutputLocation)
	}
	if a.Location != "" {
		if !strings.HasPrefix(a.Location, "s3://") || len(a.Location) == len("s3://") {
			return nil, fmt.Errorf("location %q is not an s3:// URL", a.Location)
		}
		if !strings.HasSuffix(a.Location, "/") {
			a.Location += "/"
		}
	}
	if (a.AccessKeyID == "") != (a.SecretAccessKey == "") {
		return nil, errors.New("give access_key_id and secret_access_key together, or neither (AWS default chain)")
	}
	return a, nil
}

// ValidateDSN parses either form without connecting.
func (Dialect) ValidateDSN(dsn string) error { _, err := parseDSN(dsn); return err }

// DSNSecrets: the Trino password and access token, the AWS secret key and
// session token, as written and as parsed.
func (Dialect) DSNSecrets(dsn string) []string {
	out := dialects.LenientSecrets(dsn)
	if c, err := parseRaw(dsn); err == nil {
		if c.trino != nil {
			if u, err := url.Parse(c.trino.ServerURI); err == nil {
				if p, ok := u.User.Password(); ok {
					out = append(out, p)
				}
			}
			out = append(out, c.trino.AccessToken)
		}
		if c.athena != nil {
			out = append(out, c.athena.SecretAccessKey, c.athena.SessionToken)
		}
	}
	return out
}

func (d Dialect) RedactDSN(s string) string { return dialects.Redact(d, s, s) }

// WithDefaultSchema names the schema in the DSN (Trino: schema, sent with
// every request; Athena: database, the query execution context), so
// unqualified names resolve there: the HTTP protocol keeps no session for
// a USE statement.
func (Dialect) WithDefaultSchema(dsn, schema string) (string, error) {
	c, err := parseDSN(dsn)
	if err != nil {
		return "", err
	}
	u, err := url.Parse(dsn)
	if err != nil {
		return "", dsnError(dsn, err)
	}
	q := u.Query()
	if c.trino != nil {
		q.Set("schema", schema)
	} else {
		q.Set("database", schema)
	}
	u.RawQuery = q.Encode()
	return u.String(), nil
}
