import * as assert from 'node:assert/strict';
import { createScanner, scanLine, scanText, type HostMatch } from '../../src/core/scanner';

/** `kind:text` of every match, the compact form the cases below are written in. */
function found(line: string, privateSuffixes?: string[]): string[] {
  return scanLine(line, 0, { privateSuffixes }).map((m) => `${m.kind}:${m.text}`);
}

function check(cases: readonly (readonly [line: string, expected: readonly string[]])[]): void {
  for (const [line, expected] of cases) {
    it(`${JSON.stringify(line)} → ${expected.length ? expected.join(', ') : 'nothing'}`, () => assert.deepEqual(found(line), expected));
  }
}

describe('scanner: URLs', () => {
  check([
    ['fetch("https://api.example.com/v1/users?id=3")', ['url:https://api.example.com/v1/users?id=3']],
    ['DATABASE_URL=postgres://app:secret@db.internal:5432/app', ['url:postgres://app:secret@db.internal:5432/app']],
    ['proxy_pass http://[2001:db8::10]:8080/;', ['url:http://[2001:db8::10]:8080/']],
    ['mongodb+srv://user:pw@cluster0.example.net/db?retryWrites=true', ['url:mongodb+srv://user:pw@cluster0.example.net/db?retryWrites=true']],
    ['url = "jdbc:postgresql://pg.example.net:5433/app?ssl=true"', ['url:jdbc:postgresql://pg.example.net:5433/app?ssl=true']],
    ['see https://example.org/docs. Or (https://example.net/a_(b)), <https://example.com/x>!', ['url:https://example.org/docs', 'url:https://example.net/a_(b)', 'url:https://example.com/x']],
    ['CORS=https://a.example.com,https://b.example.com', ['url:https://a.example.com', 'url:https://b.example.com']],
    // a multi-host URL is as many hosts as it lists (issue 13), each with its port
    ['mongodb://a.internal:27017,b.internal:27017/?replicaSet=rs0', ['hostname:a.internal', 'hostname:b.internal']],
    ['jdbc:postgresql://h1.internal:5432,h2.internal/db and redis-sentinel://[2001:db8::1]:26379,10.0.0.2:26379/m', ['hostname:h1.internal', 'hostname:h2.internal', 'ipv6:2001:db8::1', 'ipv4:10.0.0.2']],
    ['http://例え.テスト/パス', ['url:http://例え.テスト/パス']],
    ['file:///etc/hosts and https://${DOMAIN}/api and f"https://{host}/x"', []],
    ['proxy_pass http://backend;', ['url:http://backend']],
  ]);

  it('reports each host of a multi-host URL with its own port, in the URL context', () => {
    const hosts = scanLine('mongodb://m1.example.com:27017,m2.example.com,m3:27019/db', 0);
    assert.deepEqual(
      hosts.map((m) => [m.kind, m.host, m.explicitPort, m.context, m.character, m.length]),
      [
        ['hostname', 'm1.example.com', '27017', 'url', 10, 14],
        ['hostname', 'm2.example.com', null, 'url', 31, 14],
        ['hostname', 'm3', '27019', 'url', 46, 2],
      ]
    );
  });

  it('reports scheme, host, explicit port and the scheme that decides a default port', () => {
    const [m] = scanLine('jdbc:mysql://legacy.example.net:3306/erp', 7);
    assert.equal(m.kind, 'url');
    if (m.kind !== 'url') return;
    assert.deepEqual([m.scheme, m.portScheme, m.host, m.explicitPort, m.line], ['jdbc:mysql', 'mysql', 'legacy.example.net', '3306', 7]);
    const [v6] = scanLine('http://[fe80::1%25eth0]:8080/');
    assert.deepEqual([v6.host, v6.explicitPort], ['fe80::1%eth0', '8080']);
    const [noPort] = scanLine('redis://cache:6379/0 and https://example.com/');
    assert.equal(noPort.explicitPort, '6379');
    assert.equal(scanLine('https://example.com/')[0].explicitPort, null);
  });
});

describe('scanner: host names, IP literals and host:port', () => {
  check([
    ['See db.internal. Then api.example.com, www.example.org', ['hostname:db.internal', 'hostname:api.example.com', 'hostname:www.example.org']],
    ['redis = 10.0.0.7:6379', ['ipv4:10.0.0.7']],
    ['ping fe80::1%eth0 now', ['ipv6:fe80::1%eth0']],
    ['listen [::]:443; peer [2001:db8::7]:8443', ['ipv6:::', 'ipv6:2001:db8::7']],
    ['"::1" and ::ffff:192.0.2.1 and 64:ff9b::198.51.100.7', ['ipv6:::1', 'ipv6:::ffff:192.0.2.1', 'ipv6:64:ff9b::198.51.100.7']],
    ['BROKERS=kafka-1:9092,kafka-2:9092', ['hostname:kafka-1', 'hostname:kafka-2']],
    ['connect("localhost:8080") or localhost', ['hostname:localhost', 'hostname:localhost']],
    ['café.example.com and xn--bcher-kva.example.com', ['hostname:café.example.com', 'hostname:xn--bcher-kva.example.com']],
    ['allow 10.0.0.0/8; dig example.com.', ['network:10.0.0.0/8', 'hostname:example.com']],
    ['printer.local, nas.lan, router.home.arpa, build.corp, api.test, app.localhost', ['hostname:printer.local', 'hostname:nas.lan', 'hostname:router.home.arpa', 'hostname:build.corp', 'hostname:api.test', 'hostname:app.localhost']],
    ['registry.example.com:5000/team/app:1.4.2', ['hostname:registry.example.com']],
  ]);

  it('records the port of host:port and [v6]:port, and not of file:line:col', () => {
    assert.deepEqual(
      scanLine('db.internal:5432 [2001:db8::1]:443 10.0.0.1:80').map((m) => [m.host, m.explicitPort]),
      [['db.internal', '5432'], ['2001:db8::1', '443'], ['10.0.0.1', '80']]
    );
    assert.deepEqual(found('main.go:42:7 setup.py:10'), []);
    assert.deepEqual(scanLine('api.example.com:8443:1').map((m) => [m.host, m.explicitPort]), [['api.example.com', null]]);
  });

  it('honours configured private suffixes (the netlens.privateSuffixes setting)', () => {
    assert.deepEqual(found('db.prod.acme and web.svc.cluster', ['acme', '.svc.cluster']), ['hostname:db.prod.acme', 'hostname:web.svc.cluster']);
    assert.deepEqual(found('db.prod.acme and web.svc.cluster'), []);
    assert.deepEqual(createScanner({ privateSuffixes: ['acme'] }).scanLine('db.acme').map((m) => m.host), ['db.acme']);
  });
});

describe('scanner: contexts that name hosts', () => {
  check([
    // ssh and friends
    ['ssh deploy@bastion', ['hostname:bastion']],
    ['ssh -p 2222 -i ~/.ssh/key.pem jump-01', ['hostname:jump-01']],
    ['scp -P 2222 build/site.tar.gz deploy@staging:/srv/', ['hostname:staging']],
    ['git clone git@git.example.org:team/repo.git', ['hostname:git.example.org']],
    ['contact ops@example.com', ['hostname:example.com']],
    // ssh_config
    ['Host bastion db-replica', ['hostname:bastion', 'hostname:db-replica']],
    ['    HostName 203.0.113.5', ['ipv4:203.0.113.5']],
    ['    ProxyJump ops@bastion.example.net:2222', ['hostname:bastion.example.net']],
    ['Host *.internal', []],
    // .env, YAML, JSON, code
    ['REDIS_HOST=cache', ['hostname:cache']],
    ['  hostname: db', ['hostname:db']],
    ['"host": "gateway",', ['hostname:gateway']],
    ['const redisHost = \'cache\';', ['hostname:cache']],
    ['SESSION_COOKIE_DOMAIN=.shop.example.com', ['hostname:shop.example.com']],
    // nginx / Apache
    ['server_name example.com www.example.com *.example.org;', ['hostname:example.com', 'hostname:www.example.com']],
    ['    server app-1.internal:8080 weight=3 backup;', ['hostname:app-1.internal']],
    ['resolver 192.0.2.53 [2001:db8::53] valid=30s;', ['ipv4:192.0.2.53', 'ipv6:2001:db8::53']],
    ['    ServerAlias www.docs.example.org docs-legacy', ['hostname:www.docs.example.org', 'hostname:docs-legacy']],
    ['nameserver 192.0.2.53', ['ipv4:192.0.2.53']],
    // Dockerfile / compose
    ['FROM registry.example.com/base/python:3.12-slim', ['hostname:registry.example.com']],
    ['FROM postgres:16', []],
    ['    image: postgres:16', []],
    ['  - "payments.internal:192.0.2.80"', ['hostname:payments.internal', 'ipv4:192.0.2.80']],
    ['    depends_on: cache:6379', ['hostname:cache']],
    // hosts files
    ['192.0.2.10\tdb.internal db   # primary', ['ipv4:192.0.2.10', 'hostname:db.internal', 'hostname:db']],
    ['::1 localhost ip6-localhost', ['ipv6:::1', 'hostname:localhost', 'hostname:ip6-localhost']],
    ['203.0.113.9 - - [10/Oct/2023:13:55:36 +0000] "GET / HTTP/1.1" 200', ['ipv4:203.0.113.9']],
  ]);

  it('says why each match was accepted', () => {
    const ctx = (line: string): string[] => scanLine(line).map((m) => m.context);
    assert.deepEqual(ctx('ssh deploy@bastion'), ['userHost']);
    assert.deepEqual(ctx('mail ops@example.com'), ['email']);
    assert.deepEqual(ctx('REDIS_HOST=cache'), ['keyValue']);
    assert.deepEqual(ctx('Host bastion'), ['keyword']);
    assert.deepEqual(ctx('192.0.2.10 db'), ['bare', 'hostsFile']);
    assert.deepEqual(ctx('db.internal:5432 db.internal https://x.example'), ['hostPort', 'bare', 'url']);
  });
});

describe('scanner: false positives it must not report', () => {
  check([
    // file names with real TLDs
    ['see README.md, setup.py, main.rs, deploy.sh, Makefile.am, main.tf, id_rsa.pub, build.ninja, server.properties', []],
    ['  File "/usr/lib/python3.12/socket.py", line 852 at /app/server.js:12:5 (main.go:42:7) tests/net.rs:31:9', []],
    ['/etc/nginx/sites-available/example.com and .env.local', []],
    // member chains
    ['console.log(this.app.name); os.path.join(a, b); logger.info(msg); user.name; item.id; req.ip', []],
    ['window.location.host, document.body.id, self.store, admin.site, df.info, np.ma, settings.de', []],
    ['router.post("/x"); model.fit(x); obj.click(); app.get("/"); res.json({})', []],
    // versions and packages
    ['requests==2.31.0 urllib3>=2.0.7 pkg>=1.2.3.4 node v20.11.1 go1.22.1 version 1.2.3.4', []],
    ['import com.example.app.Main;', []],
    ['package com.example.billing.config;', []],
    ['from os.path import join; import django.contrib.admin', []],
    ['LABEL org.opencontainers.image.source=x com.example.app.Main', []],
    // image tags and other name:number
    ['FROM node:20-alpine AS assets; image: redis:7.2-alpine; docker run python:3', []],
    ['.btn{z-index:100;font-weight:700} x[1:100] {a:1, id:123} 12:30:45', []],
    // code that looks like IPv6
    ['x = a[::2] + b[1::3]; std::vector<int> v; f64::MAX; dead::beef; Ipv6Addr::LOCALHOST', []],
    ['00:1a:2b:3c:4d:5e is a MAC address', []],
    // decorators, scoped packages, annotation keys, wildcards, templates
    ['@app.route("/x") @types/node lodash@4.17.21', []],
    ['    cert-manager.io/cluster-issuer: letsencrypt', []],
    ['return 301 https://$host$request_uri;', []],
    ['const api = `${base}.example`; host: redisHost; ip: IpAddr; "backend host:port"', []],
    // prose that starts with a directive keyword
    ['Host names are case-insensitive.', []],
  ]);
});

describe('scanner: special-use and private-use names (issue 13)', () => {
  check([
    // RFC 6761/6762/7686/8375/9476 names, Kubernetes and Consul: hosts outside URLs too
    ['contact ops@shop.example, see docs.example and a.invalid', ['hostname:shop.example', 'hostname:docs.example', 'hostname:a.invalid']],
    ['sock.connect(("metrics.monitoring.svc", 9125))', ['hostname:metrics.monitoring.svc']],
    ['upstream: api.service.consul:8080 and web.svc.cluster.local', ['hostname:api.service.consul', 'hostname:web.svc.cluster.local']],
    ['tor: duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion, legacy.alt, wiki.intranet', [
      'hostname:duckduckgogg42xjoc72x3sjasowoarfbgcmvfimaftt6twagswzczad.onion',
      'hostname:legacy.alt',
      'hostname:wiki.intranet',
    ]],
  ]);
});

describe('scanner: hosts in shells, logs and connection strings (issue 13)', () => {
  check([
    // a shell default is a host, the variable is not
    ['REDIS="${REDIS_HOST:-cache.qa.corp.internal}"', ['hostname:cache.qa.corp.internal']],
    // a variable or template in the userinfo does not hide the URL
    ['DATABASE_URL=postgres://app:$(PG_PASS)@pg.prod.internal:5432/orders', ['url:postgres://app:$(PG_PASS)@pg.prod.internal:5432/orders']],
    ['url = "postgres://${USER}:${PASS}@db.example.com:5432/x"', ['url:postgres://${USER}:${PASS}@db.example.com:5432/x']],
    ['redis://:{{ .Values.password }}@cache.internal:6379', ['url:redis://:{{ .Values.password }}@cache.internal:6379']],
    // ...but a variable as the host is a template, not a host
    ['https://${HOST}/api and http://{{ .Values.host }}:80/', []],
    // Postfix/Exim name[address]: both are hosts; `unknown` is Postfix's word for "no PTR"
    ['postfix/smtpd[812]: connect from mx2.mail.example.net[198.51.100.25]', ['hostname:mx2.mail.example.net', 'ipv4:198.51.100.25']],
    ['connect from unknown[198.51.100.26]', ['ipv4:198.51.100.26']],
    // syslog host fields (RFC 3164 and ISO timestamps) and Ansible inventory host lines
    ['Jan  5 08:00:01 app02 cron[4121]: (root) CMD (run-parts)', ['hostname:app02']],
    ['2024-01-05T08:00:01.123+00:00 web-01 sshd[812]: Accepted publickey', ['hostname:web-01']],
    ['Jan  5 08:00:01 this is not a syslog line', []],
    ['node3 ansible_host=10.0.0.3 ansible_user=deploy', ['hostname:node3', 'ipv4:10.0.0.3']],
    // the default of an environment lookup whose key names a host
    ['CACHE = os.getenv("CACHE_HOST", "cache")', ['hostname:cache']],
    ["db = ENV.fetch('DB_HOST', 'db')", ['hostname:db']],
    ['print("a", "b"); getenv("LOG_LEVEL", "info")', []],
    // Oracle's thin driver and Windows UNC paths
    ['url=jdbc:oracle:thin:@erp-db.example.com:1521:ORCL', ['hostname:erp-db.example.com']],
    ['copy \\\\files.corp.example.com\\public\\setup.exe .', ['hostname:files.corp.example.com']],
  ]);
});

describe('scanner: things shaped like hosts that are not (issue 13)', () => {
  check([
    // User-Agent product tokens and versions
    ['"Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36 Edg/122.0.2365.92"', []],
    ['[assembly: AssemblyFileVersion("2.0.0.0")] FileVersion("1.2.3.4") version: "10.0.0.1"', []],
    // an option's value is not the host
    ['curl -X POST https://api.example.com/v1/orders', ['url:https://api.example.com/v1/orders']],
    ['curl --request PUT api.example.com', ['hostname:api.example.com']],
    // buckets and registered service ids
    ['aws s3 cp s3://my-bucket/file . && gsutil ls gs://logs-bucket; uri: lb://orders-service', []],
    // product names and a Kerberos realm in capitals, Kubernetes API groups, Go import paths, Message-IDs
    ['built with ASP.NET and Node.js; realm EXAMPLE.COM', []],
    ['apiVersion: networking.k8s.io/v1', []],
    ['apiVersion: cert-manager.io/v1alpha2', []],
    ['\t"github.com/jackc/pgx/v5"', []],
    ['\tpq "github.com/lib/pq" // driver', []],
    ['Message-ID: <20240105.1234@mail.example.com>', []],
  ]);
});

describe('scanner: URL ends, defaults and prose (issue 13, from the independent corpus)', () => {
  check([
    // a sentence's full stop, a User-Agent's `+`, templates after the literal part, ERB in the userinfo
    ['mail catcher at http://127.0.0.1:8025. See https://status.example.org.', ['url:http://127.0.0.1:8025', 'url:https://status.example.org']],
    ['"Mozilla/5.0 (compatible; ExampleBot/2.1; +https://crawler.example.org/bot.html)"', ['url:https://crawler.example.org/bot.html']],
    ['RewriteRule ^(.*)$ https://www.example.org$1 [R=301,L]', ['url:https://www.example.org']],
    ['curl "https://hooks.example.net/ci/${{ github.run_id }}" "https://img.example.com/u/${id}.png"', ['url:https://hooks.example.net/ci/', 'url:https://img.example.com/u/']],
    ['"Track it at https://track.example.com/#{order.code}"; LIKE \'https://admin.example.com/%\'; https://x.example.com/a%20b', ['url:https://track.example.com/', 'url:https://admin.example.com/', 'url:https://x.example.com/a%20b']],
    ['url: postgres://app:<%= ENV["PG_PASS"] %>@pg.prod.example.com:5432/x', ['url:postgres://app:<%= ENV["PG_PASS"] %>@pg.prod.example.com:5432/x']],
    // placeholders and cluster names in the host's place
    ['go to https://HOST/ or http://SERVER:8080; BalancerMember balancer://shopcluster/', []],
    // defaults of host variables in shells and JavaScript
    ['DB_HOST=${DB_HOST:-db} SEARCH=${OPENSEARCH_HOST:-opensearch} LEVEL=${LOG_LEVEL:-info}', ['hostname:db', 'hostname:opensearch']],
    ["const redisHost = process.env.REDIS_HOST ?? 'redis'; const level = process.env.LEVEL || 'info';", ['hostname:redis']],
    // Markdown code after a colon in prose is not a value; scp's local file is not the host
    ['Verify from an app host: `psql "host=orders-db.example.com port=5432"`', ['hostname:orders-db.example.com']],
    ['scp build.tar.gz deploy@192.168.1.50:/tmp/', ['ipv4:192.168.1.50']],
    // mail logs: name[IPv6], message ids; versions on version lines; zones before a full stop; products
    ['relay=mx.v6.example.com[2001:db8:25::25]:25, message-id=<CAF1x2Yq7+abc@mail.example.net>', ['hostname:mx.v6.example.com', 'ipv6:2001:db8:25::25']],
    ["X-Mailer: ExampleMailer 4.2.0.1; schema_version text DEFAULT '1.4.0.0'", []],
    ['link up on fe80::1%eth0.', ['ipv6:fe80::1%eth0']],
    ['q=node.js+asp.net with socket.io', []],
    ['mail from WIN-4F2H9.localdomain or build7.localdomain', ['hostname:build7.localdomain']],
    // an access log's client address before a User-Agent's `Version/17.2` is an address, not a version
    ['198.51.100.23 - - [05/Jan/2025:08:14:05 +0000] "GET / HTTP/1.1" 200 9 "-" "Mozilla/5.0 (Macintosh) Version/17.2.1 Safari/605.1.15"', ['ipv4:198.51.100.23']],
    // pg_hba.conf records and HAProxy nameservers are not ssh_config's Host or resolv.conf's nameserver
    ['host  replication  replicator  10.20.3.22/32  scram-sha-256', ['network:10.20.3.22/32']],
    ['    nameserver dns1 10.50.0.2:53', ['ipv4:10.50.0.2']],
    ['nameserver 192.0.2.53', ['ipv4:192.0.2.53']],
    // a UNC path escaped in a .properties file, and SQL Server's JDBC form (not URL syntax)
    ['app.files.share=\\\\\\\\files.corp.example.com\\\\orders', ['hostname:files.corp.example.com']],
    ['net use Z: \\\\fileserver\\share and C:\\Users\\build', ['hostname:fileserver']],
    ['url=jdbc:sqlserver://sql-rpt.corp.example.com\\\\REPORTING:1433;databaseName=Reports', ['hostname:sql-rpt.corp.example.com']],
  ]);
});

describe('scanner: mail logs, principals, encodings and identifiers (issue 13, from the third corpus)', () => {
  check([
    // Exim's helo names (in parentheses after H=, and in a rejection), its id= Message-ID, and Postfix's helo=<…>
    ['2024 <= billing@example.com H=app3.internal (app3) [10.40.1.13]:52114 P=esmtp id=CAF3x9pQ@app3.internal', ['hostname:example.com', 'hostname:app3.internal', 'hostname:app3', 'ipv4:10.40.1.13']],
    ['07:12:03 H=(ylmf-pc) [203.0.113.98]:61022 rejected EHLO or HELO ylmf-pc: invalid host name', ['hostname:ylmf-pc', 'ipv4:203.0.113.98', 'hostname:ylmf-pc']],
    ['to=<ceo@example.com> proto=ESMTP helo=<WIN-4F2H9.localdomain>', ['hostname:example.com', 'hostname:WIN-4F2H9.localdomain']],
    ['proto=ESMTP helo=<WIN-3F2K9QX>', ['hostname:WIN-3F2K9QX']],
    // a Kerberos service principal names its host; a percent-encoded URL in a query still names one
    ['    KrbServiceName HTTP/wiki.corp@CORP', ['hostname:wiki.corp']],
    ['"GET /go?to=https%3A%2F%2Fpartner.example.net%2Foffer HTTP/2.0"', ['hostname:partner.example.net']],
    // underscores make identifiers (cipher suites, SQL/MED server names); SQL column types are not hosts
    ['X=TLS1.3:TLS_AES_128_GCM_SHA256:128 CV=yes', []],
    ['CREATE FOREIGN TABLE t SERVER legacy_mysql OPTIONS (dbname \'crm\');', []],
    ['    host        text,', []],
    // property reads, indexing, string prefixes, template expressions and protobuf type URLs are code
    ['      hostname: url.hostname,', []],
    ['var smtpHost = config["Smtp:Host"] ?? "mail.payroll.corp";', ['hostname:mail.payroll.corp']],
    ['fqdn = f"{name}.{args.zone}"', []],
    ['curl -d "status=${{ job.status }}" https://hooks.example.net/ci', ['url:https://hooks.example.net/ci']],
    ['  "@type": type.googleapis.com/envoy.extensions.filters.http.router.v3.Router', []],
    // defaults: a URL in a shell default, a Spring placeholder's default, ADO.NET's Data Source
    ['API_UPSTREAM=${API_UPSTREAM:-http://api:3000}', ['url:http://api:3000']],
    ['spring.data.redis.host=${REDIS_HOST:orders-redis}', ['hostname:orders-redis']],
    ['@"Data Source=SQLRPT01\\REPORTING;Initial Catalog=PayrollDW"', ['hostname:SQLRPT01']],
    // a web URL names one host: GOPROXY's `,direct` is the next list item; sed's delimiter ends a URL
    ['  GOPROXY: https://goproxy.example,direct', ['url:https://goproxy.example']],
    ['RUN sed -i "s#http://deb.upstream.example/debian#${APT_MIRROR}#g" /etc/apt/sources.list', ['url:http://deb.upstream.example/debian']],
    // Redis's optional `-::1`; `::` as a host key's value and as a network; never inside code
    ['bind 10.52.0.12 127.0.0.1 -::1', ['ipv4:10.52.0.12', 'ipv4:127.0.0.1', 'ipv6:::1']],
    ['  socket_address: { address: ::, port_value: 10000 }', ['ipv6:::']],
    ['ipv6_cidr_blocks = ["::/0"]', ['network:::/0']],
    ['std::vector<int> v; auto x = ::getaddrinfo; y = a :: b', []],
  ]);
});

describe('scanner: Go module paths, DNS servers\' configs, masks and ranges (issue 13, from the sixth and seventh corpora)', () => {
  check([
    // Go module and package paths name where code is kept: go.mod, Go settings, linker flags, go get, prose
    ['module example.com/payments/ledger-service', []],
    ['\tgithub.com/jackc/pgx/v5 v5.6.0 // indirect', []],
    ['replace example.com/payments/protos => ../protos', []],
    ['ENV GOPRIVATE=example.com/payments/* CGO_ENABLED=0', []],
    ['RUN go build -ldflags "-s -w -X example.com/ledger/internal/version.Version=3.9.2" -o /out/ledgerd .', []],
    ['  go install example.com/tools/migrate@latest', []],
    ['see example.com/docs and db.example.com/health', ['hostname:example.com', 'hostname:db.example.com']],
    // Kubernetes API groups, also as JSON (audit logs); TOML table headers
    ['{"kind":"Event","apiVersion":"audit.k8s.io/v1","objectRef":{"apiGroup":"networking.k8s.io"}}', []],
    ['# [registries.corp]', []],
    // Unbound's address@port#auth-name, dnsmasq's /domain/server forms
    ['    forward-addr: 192.0.2.53@853#dns.example.net', ['ipv4:192.0.2.53', 'hostname:dns.example.net']],
    ['server=/consul/127.0.0.1#8600', ['hostname:consul', 'ipv4:127.0.0.1']],
    ['address=/ads.example.net/0.0.0.0', ['hostname:ads.example.net', 'ipv4:0.0.0.0']],
    // a netmask after an address or `netmask` is not a host; address ranges are two; an invalid prefix is no host
    ['route 10.8.0.0 255.255.252.0', ['ipv4:10.8.0.0']],
    ['dhcp-range=192.168.77.100,192.168.77.200,255.255.255.0,12h', ['ipv4:192.168.77.100', 'ipv4:192.168.77.200']],
    ['-A INPUT -m iprange --src-range 198.51.100.10-198.51.100.19 -j ACCEPT', ['ipv4:198.51.100.10', 'ipv4:198.51.100.19']],
    ['    - "10.0.0.0/33"', []],
    // SPF mechanisms; an IPv6 address before a clause's colon; Java's name/address; name[v6%zone]
    ['"v=spf1 ip4:192.0.2.0/24 ip6:2001:db8:4400::/48 -all"', ['network:192.0.2.0/24', 'network:2001:db8:4400::/48']],
    ['warning: hostname dyn-42.isp.example.net does not resolve to address 2001:db8:77::42: Name or service not known', ['hostname:dyn-42.isp.example.net', 'ipv6:2001:db8:77::42']],
    ['Connection to node 2 (kafka-2.internal/10.40.1.12:9092) could not be established', ['hostname:kafka-2.internal', 'ipv4:10.40.1.12']],
    ['  peer: lab-sender.lab.internal[fe80::5054:ff:fe12:3456%ens3]', ['hostname:lab-sender.lab.internal', 'ipv6:fe80::5054:ff:fe12:3456%ens3']],
    // mail: Received from a single label, root@localhost, (message-id <…>), List-Id, Postfix's unknown[ip]
    ['Received: from billing-worker-5c7d (unknown [10.12.4.31])', ['hostname:billing-worker-5c7d', 'ipv4:10.12.4.31']],
    ['  rcpt_to: [<root@localhost>]', ['hostname:localhost']],
    ['sent digest (message-id <20261204.3f2a@order-svc.example.com>)', []],
    ['List-Id: Rust users <rust-users.lists.example.org>', []],
    ['  peer: unknown[203.0.113.199]', ['ipv4:203.0.113.199']],
    // a placeholder password in a URL's userinfo; a quoted option value is not the command's argument
    ['curl -sS https://svc-reporting:<password>@reports.example.com/export.csv', ['url:https://svc-reporting:<password>@reports.example.com/export.csv']],
    ['wget --header="Authorization: Bearer $TOKEN" -O a.json https://accounts.example.com/v1', ['url:https://accounts.example.com/v1']],
    // property reads where a host goes; an instance after a server; one-letter option values
    ['  local host = ngx.var.host or "unknown"', []],
    ['  const host = config.listen.host || \'0.0.0.0\';', ['ipv4:0.0.0.0']],
    ['"Data Source=(localdb)\\\\MSSQLLocalDB;Initial Catalog=Inventory"', []],
    ["GetOptions(\\%opt, 'server=s', 'backup=s')", []],
  ]);
});

describe('scanner: API', () => {
  it('scanText numbers lines from 0 across \\n, \\r\\n and \\r', () => {
    const got = scanText('a db.internal\r\nb\rc 10.0.0.1\nlocalhost').map((m) => [m.line, m.character, m.text]);
    assert.deepEqual(got, [[0, 2, 'db.internal'], [2, 2, '10.0.0.1'], [3, 0, 'localhost']]);
  });

  it('scanLines reads only the lines asked for', () => {
    const lines = ['a.example.com', 'b.example.com', 'c.example.com', 'd.example.com'];
    const asked: number[] = [];
    const got = createScanner().scanLines((n) => (asked.push(n), lines[n]), 1, 3);
    assert.deepEqual(asked, [1, 2]);
    assert.deepEqual(got.map((m: HostMatch) => [m.line, m.host]), [[1, 'b.example.com'], [2, 'c.example.com']]);
  });

  it('gives offsets in UTF-16 code units (astral characters count two)', () => {
    const line = '😀 café.example.com 😀 10.0.0.1';
    for (const m of scanLine(line)) assert.equal(line.slice(m.character, m.character + m.length), m.text);
    assert.deepEqual(scanLine(line).map((m) => m.character), [3, 23]);
  });
});
