// Public outputs: the catalog contract, its projection from a policy version, and the banner adapters.
export * from './catalog'
export * from './projection'
export * from './adapters'
export * from './bannerText'
export * from './consent'
