package secret

const S = 1
