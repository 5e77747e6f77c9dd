// ShareDB 7 in memory (its default database and pub/sub), text-unicode registered, one WebSocket per client:
// what a team would otherwise deploy for plain-text co-editing. Prints "listening <port>" once ready.
import http from 'node:http';
import ShareDB from 'sharedb';
import otText from 'ot-text-unicode';
import WebSocketJSONStream from '@teamwork/websocket-json-stream';
import { WebSocketServer } from 'ws';

ShareDB.types.register(otText.type);
const backend = new ShareDB();
const server = http.createServer((req, res) => res.end('ok'));
new WebSocketServer({ server }).on('connection', (ws) => backend.listen(new WebSocketJSONStream(ws)));
server.listen(Number(process.argv[2] ?? 0), '127.0.0.1', () => console.log(`listening ${server.address().port}`));
