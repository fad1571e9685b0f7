#!/usr/bin/env bash
# Verifies an unzipped CarbonX evidence bundle with OpenSSL and a SHA-256 tool only.
#
#   unzip bundle.zip -d bundle && bash verify-bundle.sh bundle root.pem
#
# root.pem is the consortium root certificate, obtained independently of the bundle. Needs bash 4+, OpenSSL 1.1.1
# or 3.x, sha256sum (or OpenSSL's dgst), od, awk, cmp, grep, sort. The steps are those of
# chain-anchor/docs/evidence-bundle.md, section "Verifying with OpenSSL"; each prints PASS or FAIL.
# Exit status: 0 every check passed, 1 a check failed, 2 usage error.
set -uo pipefail
export LC_ALL=C

if [ $# -ne 2 ] || [ ! -d "$1" ] || [ ! -f "$2" ]; then
    echo "usage: $0 <unzipped-bundle-dir> <root.pem>" >&2
    exit 2
fi
ROOT=$(cd "$(dirname "$2")" && pwd)/$(basename "$2")
cd "$1" || exit 2
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
FAILED=0

pass() { echo "PASS $*"; }
fail() { echo "FAIL $*"; FAILED=1; }
die() { echo "FAIL $*"; echo "INVALID"; exit 1; }

# ---- helpers -------------------------------------------------------------------------------------------------
sha256hex() {   # SHA-256 of stdin, lower-case hex
    if command -v sha256sum >/dev/null 2>&1; then sha256sum | cut -d' ' -f1; else openssl dgst -sha256 -r | cut -d' ' -f1; fi
}
hex_of() { od -An -v -tx1 "$1" | tr -d ' \n'; }                # file -> hex
spaced_hex_of() { od -An -v -tx1 "$1" | tr -s ' \n' '  '; }      # file -> " aa bb cc" (byte-aligned search)
unhex() { printf "$(printf '%s' "$1" | sed 's/../\\x&/g')"; }    # hex -> bytes on stdout
node_hash() { { printf '\001'; unhex "$1"; unhex "$2"; } | sha256hex; }   # SHA-256(0x01 || left || right)
# "Mon DD HH:MM:SS[.fff] YYYY GMT" -> epoch seconds (no GNU date needed)
to_epoch() {
    echo "$*" | awk '{
        split("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec", m, " "); for (i = 1; i <= 12; i++) mon[m[i]] = i
        split($3, t, ":"); y = $4 + 0; mo = mon[$1]; d = $2 + 0
        if (mo <= 2) { y -= 1 }
        era = int(y / 400); yoe = y - era * 400; mp = (mo + 9) % 12
        doy = int((153 * mp + 2) / 5) + d - 1; doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
        days = era * 146097 + doe - 719468
        printf "%d\n", days * 86400 + t[1] * 3600 + t[2] * 60 + int(t[3]) }'
}
is_ed25519() { openssl x509 -in "$1" -noout -text | grep 'Public Key Algorithm: ED25519' > /dev/null; }
verify_signature() {   # cert message signature -> 0 if valid (Ed25519 raw, ECDSA DER over SHA-256)
    openssl x509 -in "$1" -noout -pubkey > "$TMP/pub.pem" || return 1
    if is_ed25519 "$1"; then
        openssl pkeyutl -verify -pubin -inkey "$TMP/pub.pem" -rawin -in "$2" -sigfile "$3" >/dev/null 2>&1
    else
        openssl dgst -sha256 -verify "$TMP/pub.pem" -signature "$3" "$2" >/dev/null 2>&1
    fi
}
serial_of() { openssl x509 -in "$1" -noout -serial | sed 's/^serial=//' | tr 'a-f' 'A-F'; }
cert_ok_at() {   # cert epoch purpose -> 0 if it chains to the root, is valid at epoch and not revoked by then
    openssl verify -attime "$2" -x509_strict -purpose "$3" -CAfile "$ROOT" -untrusted certs/issuing-ca.pem "$1" \
        >/dev/null 2>&1 || return 1
    local revoked_at; revoked_at=$(awk -v s="$(serial_of "$1")" '$1 == s { print $2 }' "$TMP/revoked")
    [ -z "$revoked_at" ] || [ "$revoked_at" -gt "$2" ]
}

# ---- Avro single-object BlockHeader decoding (od + shell arithmetic) --------------------------------------------
declare -a B; P=0
read_varint() {   # sets V to the zig-zag decoded long at P
    local raw=0 shift=0 b
    while :; do
        [ "$P" -lt "${#B[@]}" ] || return 1
        b=${B[$P]}; P=$((P + 1)); raw=$((raw | ((b & 127) << shift))); shift=$((shift + 7))
        [ "$b" -ge 128 ] || break
        [ "$shift" -lt 64 ] || return 1
    done
    V=$(( (raw >> 1 & 0x7FFFFFFFFFFFFFFF) ^ -(raw & 1) ))
}
read_hex() {   # reads $1 bytes at P into H (hex)
    [ $((P + $1)) -le "${#B[@]}" ] || return 1
    H=""; local i; for ((i = 0; i < $1; i++)); do H+=$(printf '%02x' "${B[$((P + i))]}"); done; P=$((P + $1))
}
decode_header() {   # file -> HDR_CHAIN HDR_HEIGHT HDR_PREV HDR_ROOT HDR_SIZE HDR_TIME (ms); 1 if malformed
    mapfile -t B < <(od -An -v -tu1 "$1" | tr -s ' ' '\n' | sed '/^$/d')
    [ "${#B[@]}" -gt 10 ] && [ "${B[0]}" -eq 195 ] && [ "${B[1]}" -eq 1 ] || return 1
    P=10
    read_varint && read_hex "$V" || return 1; HDR_CHAIN=$(unhex "$H")
    read_varint || return 1; HDR_HEIGHT=$V
    read_varint && [ "$V" -eq 32 ] && read_hex 32 || return 1; HDR_PREV=$H
    read_varint && [ "$V" -eq 32 ] && read_hex 32 || return 1; HDR_ROOT=$H
    read_varint || return 1; HDR_SIZE=$V
    while read_varint && [ "$V" -ne 0 ]; do          # ranges: array blocks of (topic, partition, from, to)
        local count=$V
        if [ "$count" -lt 0 ]; then count=$((-count)); read_varint || return 1; fi
        for ((; count > 0; count--)); do
            read_varint && read_hex "$V" && read_varint && read_varint && read_varint || return 1
        done
    done
    read_varint || return 1; HDR_TIME=$V
    [ "$P" -eq "${#B[@]}" ]
}

# ---- 1. the bundle's root is the trusted root ------------------------------------------------------------------
[ "$(openssl x509 -in "$ROOT" -outform DER | sha256hex)" = "$(openssl x509 -in certs/root-ca.pem -outform DER | sha256hex)" ] \
    && pass "root certificate: certs/root-ca.pem is the trusted root" \
    || die "root certificate: certs/root-ca.pem is not the trusted root"

# ---- 2. every file is listed in SHA256SUMS with its SHA-256, and nothing else is there -------------------------
if sha256sum --version >/dev/null 2>&1; then sha256sum -c --quiet SHA256SUMS || fail "checksums: sha256sum -c SHA256SUMS"
else while read -r h f; do [ "$(sha256hex < "$f")" = "$h" ] || fail "checksums: $f"; done < SHA256SUMS; fi
[ "$(find . -type f ! -name SHA256SUMS | sed 's|^\./||' | sort)" = "$(cut -c67- SHA256SUMS | sort)" ] \
    && pass "checksums: SHA256SUMS lists exactly the bundle's files" || fail "checksums: files and SHA256SUMS differ"
CHAIN=$(sed -n 's/^chain-id: //p' BUNDLE.txt)
read -r KIND SUBJECT <<< "$(sed -n 's/^subject: //p' BUNDLE.txt)"

# ---- 3. issuing CA and CRL ------------------------------------------------------------------------------------
openssl verify -x509_strict -CAfile "$ROOT" certs/issuing-ca.pem >/dev/null 2>&1 \
    && pass "issuing CA: signed by the root" || die "issuing CA: not signed by the root"
cat certs/issuing-ca.pem "$ROOT" > "$TMP/cas.pem"
openssl crl -in certs/issuing-ca.crl.pem -noout -CAfile "$TMP/cas.pem" 2>&1 | grep 'verify OK' > /dev/null \
    && pass "CRL: signed by the issuing CA" || die "CRL: not signed by the issuing CA"
openssl crl -in certs/issuing-ca.crl.pem -noout -text | awk '
    /Serial Number:/ { s = $3 } /Revocation Date:/ { sub(/.*Revocation Date: /, ""); print s, $0 }' |
    while read -r s d; do echo "$(echo "$s" | tr 'a-f' 'A-F') $(to_epoch "$d")"; done > "$TMP/revoked"

# ---- 4. headers: decode, heights, chain id, hash chain ----------------------------------------------------------
declare -A HASH ROOTOF SIZEOF TIMEOF
HEIGHTS=$(ls blocks | sort -n)
FIRST=$(echo "$HEIGHTS" | head -1); LATEST=$(echo "$HEIGHTS" | tail -1)
for h in $HEIGHTS; do
    decode_header "blocks/$h/header.bin" || { fail "header of block $h: not a BlockHeader"; continue; }
    [ "$HDR_CHAIN" = "$CHAIN" ] && [ "$HDR_HEIGHT" -eq "$h" ] || fail "header of block $h: chain $HDR_CHAIN height $HDR_HEIGHT"
    HASH[$h]=$(sha256hex < "blocks/$h/header.bin"); ROOTOF[$h]=$HDR_ROOT; SIZEOF[$h]=$HDR_SIZE; TIMEOF[$h]=$((HDR_TIME / 1000))
    if [ "$h" -gt "$FIRST" ]; then
        [ "$HDR_PREV" = "${HASH[$((h - 1))]:-}" ] && pass "hash link $((h - 1)) -> $h" \
            || fail "hash link $((h - 1)) -> $h: previous hash $HDR_PREV"
    fi
done
[ "$(echo "$HEIGHTS" | wc -l)" -eq $((LATEST - FIRST + 1)) ] || fail "headers: heights $FIRST..$LATEST have gaps"

# ---- 5. validators and commit certificates -----------------------------------------------------------------------
N=$(ls certs | grep -c '^validator-[0-9]*\.pem$'); F=$(((N - 1) / 3)); Q=$(((N + F + 2) / 2))
[ "$N" -ge 4 ] || fail "validator set: $N validators, at least 4 needed"
for v in $(seq 0 $((N - 1))); do
    openssl x509 -in "certs/validator-$v.pem" -noout -subject -nameopt RFC2253 | grep -E 'OU=(EXCHANGE|REGULATOR|COURT|ARBITRATOR)' > /dev/null \
        || fail "validator $v: not an EXCHANGE, REGULATOR, COURT or ARBITRATOR participant"
done
for h in $HEIGHTS; do
    ls blocks/$h/commit-*.msg >/dev/null 2>&1 || continue
    valid=0; view=""
    for msg in blocks/$h/commit-*.msg; do
        v=${msg##*/commit-}; v=${v%.msg}; cert=certs/validator-$v.pem
        clen=$(printf '%s' "$CHAIN" | wc -c)
        mview=$(od -An -v -tx1 -j $((10 + clen)) -N 8 "$msg" | tr -d ' \n')      # the view inside the message
        [ -z "$view" ] && view=$mview
        # expected: "CXPBFT" 0x01 len(chain) chain 0x03(COMMIT) view height block-hash
        { printf 'CXPBFT\001'; unhex "$(printf '%04x' "$clen")"; printf '%s' "$CHAIN"; printf '\003'
          unhex "$view"; unhex "$(printf '%016x' "$h")"; unhex "${HASH[$h]}"; } > "$TMP/expected.msg"
        if ! cmp -s "$TMP/expected.msg" "$msg"; then fail "commit of validator $v on block $h: not the COMMIT for this block"
        elif ! cert_ok_at "$cert" "${TIMEOF[$h]}" sslclient; then fail "commit of validator $v on block $h: certificate not valid then"
        elif ! verify_signature "$cert" "$msg" "${msg%.msg}.sig"; then fail "commit of validator $v on block $h: bad signature"
        else valid=$((valid + 1)); fi
    done
    [ "$valid" -ge "$Q" ] && pass "commit certificate of block $h: $valid of $N validators signed (quorum $Q)" \
        || fail "commit certificate of block $h: $valid valid signatures, quorum $Q"
done
# The latest block's certificate authenticates, through the hash links, every earlier header.
ls blocks/$LATEST/commit-*.msg >/dev/null 2>&1 || fail "commit certificate of the latest block $LATEST: missing"

# ---- 6. time-stamps ------------------------------------------------------------------------------------------
STAMPED=""
for tsr in blocks/*/timestamp-*.tsr; do
    [ -e "$tsr" ] || continue
    h=${tsr#blocks/}; h=${h%%/*}; k=${tsr##*/timestamp-}; k=${k%.tsr}; tsa=blocks/$h/tsa-$k.pem
    gen=$(to_epoch "$(openssl ts -reply -in "$tsr" -text 2>/dev/null | sed -n 's/^Time stamp: //p' | sed 's/\.[0-9]*//')")
    cat "$tsa" certs/issuing-ca.pem > "$TMP/tsa-chain.pem"
    if openssl ts -verify -digest "${HASH[$h]}" -in "$tsr" -CAfile "$ROOT" -untrusted "$TMP/tsa-chain.pem" \
            -attime "$gen" >/dev/null 2>&1 && cert_ok_at "$tsa" "$gen" timestampsign; then
        pass "time-stamp $k of block $h: RFC 3161 token over ${HASH[$h]} at $gen"; STAMPED="$STAMPED $h"
    else fail "time-stamp $k of block $h: openssl ts -verify failed or TSA certificate not valid then"; fi
done

# ---- 7. events: inclusion proofs, signed requests, time-stamp coverage -----------------------------------------
for dir in events/*; do
    n=${dir#events/}
    h=$(sed -n 's/^block: //p' "$dir/proof.txt"); idx=$(sed -n 's/^leaf-index: //p' "$dir/proof.txt")
    size=$(sed -n 's/^tree-size: //p' "$dir/proof.txt")
    [ -n "${ROOTOF[$h]:-}" ] || { fail "event $n: block $h not in the bundle"; continue; }
    r=$({ printf '\000'; cat "$dir/event.bin"; } | sha256hex)                  # leaf = SHA-256(0x00 || event)
    fn=$idx; sn=$((size - 1)); ok=1
    [ "$size" -eq "${SIZEOF[$h]}" ] && [ "$idx" -lt "$size" ] || ok=0
    for p in $(sed '1,/^path:$/d' "$dir/proof.txt"); do                         # RFC 9162 section 2.1.3.2
        [ "$sn" -gt 0 ] || { ok=0; break; }
        if [ $((fn & 1)) -eq 1 ] || [ "$fn" -eq "$sn" ]; then
            r=$(node_hash "$p" "$r")
            if [ $((fn & 1)) -eq 0 ]; then while [ $((fn & 1)) -eq 0 ] && [ "$fn" -ne 0 ]; do fn=$((fn >> 1)); sn=$((sn >> 1)); done; fi
        else
            r=$(node_hash "$r" "$p")
        fi
        fn=$((fn >> 1)); sn=$((sn >> 1))
    done
    [ "$ok" -eq 1 ] && [ "$sn" -eq 0 ] && [ "$r" = "${ROOTOF[$h]}" ] \
        && pass "inclusion of event $n in block $h: leaf $idx of $size reaches root $r" \
        || fail "inclusion of event $n in block $h: the audit path does not reach the Merkle root"
    covered=0; for s in $STAMPED; do [ "$s" -ge "$h" ] && covered=1; done
    [ "$covered" -eq 1 ] && pass "time of event $n: covered by a time-stamp at block >= $h" \
        || fail "time of event $n: no valid time-stamp at block $h or later"
    for req in "$dir"/request-*.bin; do
        [ -e "$req" ] || continue
        base=${req%.bin}; cn=$(openssl x509 -in "$base.pem" -noout -subject -nameopt RFC2253 | sed -n 's/.*CN=\([^,]*\).*/\1/p')
        if ! cert_ok_at "$base.pem" "${TIMEOF[$h]}" sslclient; then fail "signed request ${base#events/}: signer certificate not valid at block time"
        elif ! verify_signature "$base.pem" "$req" "$base.sig"; then fail "signed request ${base#events/}: bad signature"
        elif [[ "$(spaced_hex_of "$dir/event.bin")" != *"$(spaced_hex_of "$req")"* ]] \
            || [[ "$(spaced_hex_of "$dir/event.bin")" != *"$(spaced_hex_of "$base.sig")"* ]] \
            || ! grep -qaF -- "$cn" "$dir/event.bin"; then fail "signed request ${base#events/}: not the request the event carries"
        else pass "signed request ${base#events/}: signed by $cn"; fi
    done
done

# ---- 8. subject ----------------------------------------------------------------------------------------------
if [ "$KIND" = participant ]; then
    for e in events/*/event.bin; do grep -qaF -- "$SUBJECT" "$e" || fail "subject: $e does not involve $SUBJECT"; done
else
    grep -qaF -- "$SUBJECT" events/*/event.bin || fail "subject: no event mentions $KIND $SUBJECT"
fi

if [ "$FAILED" -eq 0 ]; then echo "VALID: $KIND $SUBJECT, blocks $FIRST..$LATEST"; exit 0; else echo "INVALID"; exit 1; fi
