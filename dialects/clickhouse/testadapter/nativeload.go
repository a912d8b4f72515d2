package testadapter

import (
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
)

// nativeLoad is ClickHouse's own parquet insert, for BenchmarkLoad: each
// file's bytes POSTed to the HTTP interface as the body of INSERT INTO
// target FORMAT Parquet (the server decodes the parquet). Columns of the
// table not in the file keep their defaults.
func nativeLoad(dsn, target string, files []string) error {
	u, err := url.Parse(dsn)
	if err != nil {
		return err
	}
	for _, f := range files {
		body, err := os.Open(f)
		if err != nil {
			return err
		}
		ep := url.URL{Scheme: u.Scheme, Host: u.Host, Path: "/", RawQuery: url.Values{"query": {"INSERT INTO " + target + " FORMAT Parquet"}}.Encode()}
		req, err := http.NewRequest(http.MethodPost, ep.String(), body)
		if err != nil {
			body.Close()
			return err
		}
		if u.User != nil {
			pw, _ := u.User.Password()
			req.SetBasicAuth(u.User.Username(), pw)
		}
		resp, err := http.DefaultClient.Do(req)
		body.Close()
		if err != nil {
			return err
		}
		msg, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return fmt.Errorf("parquet insert of %s: %s: %s", f, resp.Status, msg)
		}
	}
	return nil
}
