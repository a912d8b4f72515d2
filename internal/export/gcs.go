package export

import (
	"context"
	"fmt"
	"net/url"
	"os"
	"strconv"

	"gocloud.dev/blob"
	"gocloud.dev/blob/gcsblob"
	"gocloud.dev/gcp"
	"golang.org/x/oauth2/google"
	"google.golang.org/api/option"
)

// openGCS opens gs://bucket with Google's Application Default Credentials.
// gocloud's default gs:// opener prints a warning to standard output when
// there are none and carries on unauthenticated; standard output is for
// mtx's results (a dry run's file list), so mtx looks the credentials up
// itself and fails with a message saying how to provide them. A GCS
// emulator (STORAGE_EMULATOR_HOST) and anonymous access (?anonymous=true
// or ?access_id=-, for public buckets) need none.
func openGCS(ctx context.Context, u *url.URL) (*blob.Bucket, error) {
	q := u.Query()
	if os.Getenv("STORAGE_EMULATOR_HOST") != "" || os.Getenv("STORAGE_EMULATOR_HOST_GRPC") != "" {
		return blob.OpenBucket(ctx, u.String()) // the default opener: no credentials looked up
	}
	anon, _ := strconv.ParseBool(q.Get("anonymous"))
	if anon || q.Get("access_id") == "-" {
		return (&gcsblob.URLOpener{}).OpenBucketURL(ctx, u)
	}
	var opts gcsblob.Options
	var creds *google.Credentials
	var err error
	if ud := q.Get("universe_domain"); ud != "" {
		creds, err = gcp.DefaultCredentialsWithParams(ctx, google.CredentialsParams{UniverseDomain: ud})
		opts.ClientOptions = append(opts.ClientOptions, option.WithUniverseDomain(ud))
	} else {
		creds, err = gcp.DefaultCredentials(ctx)
	}
	if err != nil {
		return nil, fmt.Errorf("no Google credentials for gs://%s (set GOOGLE_APPLICATION_CREDENTIALS, run `gcloud auth application-default login`, or add ?anonymous=true for a public bucket): %w", u.Host, err)
	}
	client, err := gcp.NewHTTPClient(gcp.DefaultTransport(), gcp.CredentialsTokenSource(creds))
	if err != nil {
		return nil, err
	}
	return (&gcsblob.URLOpener{Client: client, TokenSource: gcp.CredentialsTokenSource(creds), Options: opts}).OpenBucketURL(ctx, u)
}
