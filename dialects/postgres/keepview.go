package postgres

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/mtxhq/mtx/dialects"
)

var _ dialects.ViewKeeper = Dialect{}

// KeepView gives a view dropped by a rebuild's CASCADE back what
// pg_get_viewdef leaves out: its owner, its privileges (relacl and column
// privileges, WITH GRANT OPTION and PUBLIC included), its options
// (security_barrier, check_option…), its comments, and its triggers and
// rules. The statements run as the rebuilding role, in the rebuild's
// transaction, in this order:
//
//   - ALTER VIEW … OWNER TO the old owner, when that is another role. The
//     role running mtx must be able to become it (a superuser, or a member
//     that may SET ROLE to it: GRANT owner TO mtx_role), and the owner must
//     be allowed to create in the schema; otherwise KeepView fails naming
//     the view and the owner, before anything ran. mtx never silently takes
//     over someone else's view.
//   - The privileges, exactly: every privilege the new view got (the owner's
//     and default privileges) is revoked and the old entries granted again.
//     Granted by the owner (PostgreSQL records the owner when a superuser or
//     a member of the owning role grants), so an entry another grantee had
//     granted on its own grant option comes back granted by the owner.
//   - Options, comments, triggers, rules.
func (d Dialect) KeepView(ctx context.Context, q dialects.Querier, schema, name string) ([]string, error) {
	return d.keep(ctx, q, schema, name, true)
}

// KeepRelation gives a model's own table or view, built again under the
// same name, the owner, privileges and comment of the one it replaces, as
// KeepView does; not what hangs on the old columns (column privileges and
// comments, options, triggers, rules): the new relation's columns may
// differ.
func (d Dialect) KeepRelation(ctx context.Context, q dialects.Querier, schema, name string) ([]string, error) {
	return d.keep(ctx, q, schema, name, false)
}

// keep is KeepView (whole) or KeepRelation. A relation that does not exist
// has nothing to keep.
func (d Dialect) keep(ctx context.Context, q dialects.Querier, schema, name string, whole bool) ([]string, error) {
	rel := d.Quote(schema) + "." + d.Quote(name)
	var (
		oid                             int64
		kind, owner, me                 string
		mine, canBecome, ownerCanCreate bool
		hasACL, hasDefaultACL           bool
	)
	err := q.QueryRowContext(ctx, `SELECT c.oid::int8, c.relkind::text, pg_get_userbyid(c.relowner), current_user::text,
  c.relowner = (SELECT oid FROM pg_roles WHERE rolname = current_user),
  CASE WHEN current_setting('server_version_num')::int >= 160000 THEN pg_has_role(c.relowner, 'SET') ELSE pg_has_role(c.relowner, 'MEMBER') END,
  has_schema_privilege(c.relowner, c.relnamespace, 'CREATE') OR (SELECT rolsuper FROM pg_roles WHERE rolname = current_user),
  c.relacl IS NOT NULL,
  EXISTS (SELECT 1 FROM pg_default_acl AS a
    WHERE a.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
      AND a.defaclobjtype = 'r' AND a.defaclnamespace IN (0, c.relnamespace))
FROM pg_class AS c JOIN pg_namespace AS n ON n.oid = c.relnamespace
WHERE n.nspname = $1 AND c.relname = $2`, schema, name).Scan(&oid, &kind, &owner, &me, &mine, &canBecome, &ownerCanCreate, &hasACL, &hasDefaultACL)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("reading the owner and privileges of %s.%s: %w", schema, name, err)
	}
	noun := "TABLE"
	if kind == "v" {
		noun = "VIEW"
	}
	what := strings.ToLower(noun) + " " + schema + "." + name
	if whole {
		what += " depends on the rebuilt model and"
	}
	var out []string
	if !mine {
		if !canBecome {
			return nil, fmt.Errorf("%s is owned by %s: mtx, connected as %s, would re-create it owned by %s and cannot give it back (GRANT %s TO %s, or drop it before the rebuild and create it again after)",
				what, owner, me, me, d.Quote(owner), d.Quote(me))
		}
		if !ownerCanCreate {
			return nil, fmt.Errorf("%s is owned by %s, who may not create in schema %s: mtx cannot re-create it owned by %s (GRANT CREATE ON SCHEMA %s TO %s)",
				what, owner, schema, owner, d.Quote(schema), d.Quote(owner))
		}
		out = append(out, "ALTER "+noun+" "+rel+" OWNER TO "+d.Quote(owner))
	}

	if whole {
		opts, err := d.viewOptions(ctx, q, oid, rel)
		if err != nil {
			return nil, fmt.Errorf("reading the options of %s.%s: %w", schema, name, err)
		}
		out = append(out, opts...)
	}

	if hasACL || hasDefaultACL {
		grants, err := d.relationGrants(ctx, q, oid, rel, owner)
		if err != nil {
			return nil, fmt.Errorf("reading the privileges of %s.%s: %w", schema, name, err)
		}
		out = append(out, grants...)
	}
	if !whole {
		comment, err := queryStrings(ctx, q, `SELECT description FROM pg_description WHERE objoid = $1 AND classoid = 'pg_class'::regclass AND objsubid = 0`, oid)
		if err != nil {
			return nil, fmt.Errorf("reading the comment of %s.%s: %w", schema, name, err)
		}
		for _, text := range comment {
			out = append(out, "COMMENT ON "+noun+" "+rel+" IS "+dialects.StringLiteral(text))
		}
		return out, nil
	}

	cols, err := d.columnGrants(ctx, q, oid, rel)
	if err != nil {
		return nil, fmt.Errorf("reading the column privileges of %s.%s: %w", schema, name, err)
	}
	out = append(out, cols...)

	comments, err := d.viewComments(ctx, q, oid, rel)
	if err != nil {
		return nil, fmt.Errorf("reading the comments of %s.%s: %w", schema, name, err)
	}
	out = append(out, comments...)

	defs, err := queryStrings(ctx, q, `SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = $1 AND NOT tgisinternal ORDER BY tgname`, oid)
	if err != nil {
		return nil, fmt.Errorf("reading the triggers of %s.%s: %w", schema, name, err)
	}
	rules, err := queryStrings(ctx, q, `SELECT pg_get_ruledef(oid) FROM pg_rewrite WHERE ev_class = $1 AND rulename <> '_RETURN' ORDER BY rulename`, oid)
	if err != nil {
		return nil, fmt.Errorf("reading the rules of %s.%s: %w", schema, name, err)
	}
	for _, def := range append(defs, rules...) {
		out = append(out, strings.TrimSuffix(strings.TrimSpace(def), ";"))
	}
	return out, nil
}

// privileges are the privilege keywords aclexplode returns for a table or
// view (MAINTAIN since PostgreSQL 17): they are spliced into GRANT, so
// nothing else may pass.
var privileges = map[string]bool{
	"SELECT": true, "INSERT": true, "UPDATE": true, "DELETE": true,
	"TRUNCATE": true, "REFERENCES": true, "TRIGGER": true, "MAINTAIN": true,
}

// grantee is an ACL entry's grantee as GRANT spells it.
func (d Dialect) grantee(public bool, role string) string {
	if public {
		return "PUBLIC"
	}
	return d.Quote(role)
}

// relationGrants resets the new relation's privileges to the old one's
// relacl (the owner's default when it had none): revoke what the new one got —
// the owner's privileges and any default privileges — then grant every old
// entry, one GRANT per grantee and grant option.
func (d Dialect) relationGrants(ctx context.Context, q dialects.Querier, oid int64, view, owner string) ([]string, error) {
	// Who the new view's default privileges name: revoked along with the
	// owner and PUBLIC. After ALTER OWNER, entries naming the rebuilding
	// role name the owner, who is revoked anyway.
	rows, err := q.QueryContext(ctx, `SELECT DISTINCT x.grantee = 0, COALESCE(r.rolname, '')
FROM pg_default_acl AS a CROSS JOIN LATERAL aclexplode(a.defaclacl) AS x
LEFT JOIN pg_roles AS r ON r.oid = x.grantee
WHERE a.defaclrole = (SELECT oid FROM pg_roles WHERE rolname = current_user)
  AND a.defaclobjtype = 'r' AND a.defaclnamespace IN (0, (SELECT relnamespace FROM pg_class WHERE oid = $1))
ORDER BY 1, 2`, oid)
	if err != nil {
		return nil, err
	}
	revoke := []string{"PUBLIC", d.Quote(owner)}
	seen := map[string]bool{"PUBLIC": true, d.Quote(owner): true}
	for rows.Next() {
		var public bool
		var role string
		if err := rows.Scan(&public, &role); err != nil {
			rows.Close()
			return nil, err
		}
		if g := d.grantee(public, role); !seen[g] {
			seen[g] = true
			revoke = append(revoke, g)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	out := []string{"REVOKE ALL ON " + view + " FROM " + strings.Join(revoke, ", ")}
	entries, err := d.aclEntries(ctx, q, `SELECT '', x.grantee = 0, COALESCE(r.rolname, ''), x.privilege_type, x.is_grantable
FROM pg_class AS c CROSS JOIN LATERAL aclexplode(COALESCE(c.relacl, acldefault('r', c.relowner))) WITH ORDINALITY AS x
LEFT JOIN pg_roles AS r ON r.oid = x.grantee
WHERE c.oid = $1
ORDER BY x.ordinality`, oid)
	if err != nil {
		return nil, err
	}
	return append(out, d.grants(entries, view)...), nil
}

// columnGrants gives back privileges granted on single columns of the
// view (GRANT SELECT (col) ON view): a new view has none.
func (d Dialect) columnGrants(ctx context.Context, q dialects.Querier, oid int64, view string) ([]string, error) {
	entries, err := d.aclEntries(ctx, q, `SELECT a.attname::text, x.grantee = 0, COALESCE(r.rolname, ''), x.privilege_type, x.is_grantable
FROM pg_attribute AS a CROSS JOIN LATERAL aclexplode(a.attacl) WITH ORDINALITY AS x
LEFT JOIN pg_roles AS r ON r.oid = x.grantee
WHERE a.attrelid = $1 AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL
ORDER BY a.attnum, x.ordinality`, oid)
	if err != nil {
		return nil, err
	}
	return d.grants(entries, view), nil
}

// aclEntry is one row of aclexplode: column is empty for the relation.
type aclEntry struct {
	column, role, privilege string
	public, grantable       bool
}

func (d Dialect) aclEntries(ctx context.Context, q dialects.Querier, query string, oid int64) ([]aclEntry, error) {
	rows, err := q.QueryContext(ctx, query, oid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []aclEntry
	for rows.Next() {
		var e aclEntry
		if err := rows.Scan(&e.column, &e.public, &e.role, &e.privilege, &e.grantable); err != nil {
			return nil, err
		}
		if !privileges[e.privilege] {
			return nil, fmt.Errorf("unexpected privilege %q", e.privilege)
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// grants renders entries as GRANT statements in their order (so the new
// ACL lists its items in the old order), one per run of entries with the
// same grantee and grant option.
func (d Dialect) grants(entries []aclEntry, view string) []string {
	var out []string
	for i := 0; i < len(entries); {
		e := entries[i]
		var privs []string
		j := i
		for ; j < len(entries) && entries[j].public == e.public && entries[j].role == e.role && entries[j].grantable == e.grantable; j++ {
			p := entries[j].privilege
			if c := entries[j].column; c != "" {
				p += " (" + d.Quote(c) + ")"
			}
			privs = append(privs, p)
		}
		st := "GRANT " + strings.Join(privs, ", ") + " ON " + view + " TO " + d.grantee(e.public, e.role)
		if e.grantable {
			st += " WITH GRANT OPTION"
		}
		out = append(out, st)
		i = j
	}
	return out
}

// viewOptions: security_barrier, check_option (WITH CHECK OPTION) and
// security_invoker live in reloptions, which pg_get_viewdef leaves out.
func (d Dialect) viewOptions(ctx context.Context, q dialects.Querier, oid int64, view string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT option_name, option_value FROM pg_options_to_table((SELECT reloptions FROM pg_class WHERE oid = $1)) ORDER BY 1`, oid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var set []string
	for rows.Next() {
		var k, v string
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		set = append(set, d.Quote(k)+" = "+dialects.StringLiteral(v))
	}
	if err := rows.Err(); err != nil || len(set) == 0 {
		return nil, err
	}
	return []string{"ALTER VIEW " + view + " SET (" + strings.Join(set, ", ") + ")"}, nil
}

// viewComments: COMMENT ON the view and on its columns.
func (d Dialect) viewComments(ctx context.Context, q dialects.Querier, oid int64, view string) ([]string, error) {
	rows, err := q.QueryContext(ctx, `SELECT COALESCE(a.attname::text, ''), x.description
FROM pg_description AS x LEFT JOIN pg_attribute AS a ON a.attrelid = x.objoid AND a.attnum = x.objsubid AND x.objsubid > 0
WHERE x.objoid = $1 AND x.classoid = 'pg_class'::regclass
ORDER BY x.objsubid`, oid)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var col, text string
		if err := rows.Scan(&col, &text); err != nil {
			return nil, err
		}
		if col == "" {
			out = append(out, "COMMENT ON VIEW "+view+" IS "+dialects.StringLiteral(text))
		} else {
			out = append(out, "COMMENT ON COLUMN "+view+"."+d.Quote(col)+" IS "+dialects.StringLiteral(text))
		}
	}
	return out, rows.Err()
}

// queryStrings returns a one-column query's rows.
func queryStrings(ctx context.Context, q dialects.Querier, query string, args ...any) ([]string, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, err
		}
		out = append(out, s)
	}
	return out, rows.Err()
}
