/**
 * Imported first by main.ts: libuv reads UV_THREADPOOL_SIZE when its pool is first used, so it must be set
 * before any resolver call. The client passes a value when it forks us; this covers running the helper directly.
 */
import { HELPER_THREADPOOL_SIZE } from '../ipc/protocol';

if (!process.env.UV_THREADPOOL_SIZE) process.env.UV_THREADPOOL_SIZE = String(HELPER_THREADPOOL_SIZE);

export const threadpoolSize = Number(process.env.UV_THREADPOOL_SIZE) || HELPER_THREADPOOL_SIZE;
