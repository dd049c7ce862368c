package ids

var start = len(Prefix) * 10

const Prefix = "id-"
