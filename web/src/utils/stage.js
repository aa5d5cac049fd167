// Stage colours and the stage moves the server allows (docs/api.yaml, POST /projects/{id}/stage).
// The server checks the guards; the UI only offers the edges.
export const STAGE_TAG = {
  conceived: 'info', reserve: 'info', preliminary: 'warning', construction: 'primary',
  completed: 'success', production: 'success', suspended: 'danger', withdrawn: 'info',
};

export const STAGE_COLOR = {
  conceived: '#a0cfff', reserve: '#79bbff', preliminary: '#e6a23c', construction: '#409eff',
  completed: '#67c23a', production: '#2f9e44', suspended: '#f56c6c', withdrawn: '#909399',
};

export const STAGE_EDGES = {
  conceived: ['reserve', 'preliminary', 'withdrawn'],
  reserve: ['conceived', 'preliminary', 'withdrawn'],
  preliminary: ['reserve', 'construction', 'suspended', 'withdrawn'],
  construction: ['completed', 'suspended'],
  suspended: ['construction', 'preliminary', 'withdrawn'],
  completed: ['production'],
  production: [],
  withdrawn: ['conceived', 'reserve'],
};

export const STAGE_ORDER = ['conceived', 'reserve', 'preliminary', 'construction', 'completed', 'production', 'suspended', 'withdrawn'];
