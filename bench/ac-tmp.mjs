import autocannon from 'autocannon';
const [url, cookie, dur] = process.argv.slice(2);
const r = await autocannon({ url, connections: 8, duration: Number(dur ?? 10), headers: { cookie } });
console.log(Math.round(r.requests.average), 'req/s', 'p50', r.latency.p50, 'p99', r.latency.p99, 'non2xx', r.non2xx);
