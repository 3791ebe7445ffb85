/**
 * `--help` (and `help`): every command with every option. Kept in one place so that the
 * top-level help and each command's own usage line cannot drift apart (a unit test checks that
 * every option a command accepts is listed here).
 */
export const HELP = `Connect Shield command line — npm run --silent cli -- <command> [options]

policy validate FILE
    Validates a policy. Exit 0 and a summary, or exit 2 and every problem as "<JSON pointer>: <sentence>".

policy export FILE --browser chrome|edge --os windows|macos|linux --out DIR [options]
    Writes the managed policy (sealed) and the browser policies for one browser and OS, with a README.txt.
    --extension-id ID    the extension id (default: the published one, or the id package printed)
    --update-url URL     force-install from your own update manifest (written by package) instead of the store
    --harden LIST        comma-separated extra browser hardening: devtools, other-extensions

policy init [--json]
    Prints a starting policy with a comment above each setting (--json: without the comments).

package --key KEY.pem --update-url URL --out DIR [--crx-url URL] [--version VERSION]
    Builds the production extension with your key, signs a CRX3, writes updates.xml; prints the extension id.
    --key KEY.pem        your RSA private key (openssl genrsa -out KEY.pem 2048); keep it secret
    --update-url URL     where browsers fetch DIR/updates.xml (https; plain http only on loopback)
    --out DIR            output directory
    --crx-url URL        where the .crx is served (default: next to updates.xml)
    --version VERSION    the version to stamp (default: the manifest's); to move back, the old code with a higher version

mask --policy FILE --role agent|supervisor [--explain]
    Reads a JSON object of attribute name -> value on stdin and prints what that role sees.
    --explain            adds what was found where (kinds, detectors, offsets; never values)

preview --policy FILE --scenario FILE --out DIR [--policy-path managed|local] [--dist DIR] [--headed]
    Replays a scenario in the built extension against the CCP emulator; writes report.json and screenshots.
    --policy-path        managed (needs root on Linux) or local; default: managed when possible
    --dist DIR           the built extension (default dist/)
    --headed             show the browser

Exit codes: 0 success, 1 unexpected failure, 2 invalid input. --help shows this text.
`;
