console.log('sw')
