// The part of autocannon 9's API that `npm run load` uses (the package ships no types).
declare module 'autocannon' {
  interface RawRequest {
    method?: string
    path?: string
    headers?: Record<string, string>
    body?: string
  }

  interface Histogram {
    average: number
    total: number
    p50: number
    p99: number
    max: number
  }

  interface Options {
    url: string
    connections?: number
    duration?: number
    requests?: Array<RawRequest & { setupRequest?: (req: RawRequest) => RawRequest }>
  }

  interface Result {
    duration: number
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
  }

  export default function autocannon(options: Options): Promise<Result>
}
