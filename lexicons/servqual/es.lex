# servqual Spanish aspect terms: term<TAB>dimension[:weight]
# Written for cxsignals (CC0-1.0). Terms are case-folded and Snowball-stemmed at load time.

# --- tangibles ---
# instalaciones y mobiliario
instalaciones	tangibles
local	tangibles
edificio	tangibles
fachada	tangibles
interior	tangibles
decoración	tangibles
decorado	tangibles
mobiliario	tangibles
muebles	tangibles
comedor	tangibles
salón	tangibles:0.7
terraza	tangibles
sillas	tangibles
silla	tangibles
asientos	tangibles
sofá	tangibles
aseo	tangibles
aseos	tangibles
baño	tangibles
baños	tangibles
habitación	tangibles:0.5
cama	tangibles:0.7
ducha	tangibles
aparcamiento	tangibles
parking	tangibles
# equipamiento
equipamiento	tangibles
aire acondicionado	tangibles
calefacción	tangibles
wifi	tangibles
cubiertos	tangibles
vajilla	tangibles
cristalería	tangibles
mantel	tangibles
manteles	tangibles
servilletas	tangibles
# limpieza y estado
limpieza	tangibles
limpio	tangibles
limpia	tangibles
sucio	tangibles
sucia	tangibles
suciedad	tangibles
ordenado	tangibles
desordenado	tangibles
descuidado	tangibles
cutre	tangibles
anticuado	tangibles
renovado	tangibles
reformado	tangibles
moderno	tangibles:0.7
iluminación	tangibles
# aspecto del personal y materiales
uniforme	tangibles
uniformados	tangibles
vestimenta	tangibles
bien vestido	tangibles
aspecto	tangibles
apariencia	tangibles
buena presencia	tangibles
folleto	tangibles
página web	tangibles:0.7
carta impresa	tangibles

# --- reliability ---
fiable	reliability
fiabilidad	reliability
poco fiable	reliability
cumplir	reliability
cumplieron	reliability
cumplen	reliability
incumplieron	reliability
incumplimiento	reliability
prometido	reliability
prometieron	reliability
promesa	reliability
lo prometido	reliability
puntual	reliability
puntualidad	reliability
a tiempo	reliability
a la hora	reliability
error	reliability
errores	reliability
equivocación	reliability
equivocaron	reliability
se equivocaron	reliability
equivocado	reliability
pedido equivocado	reliability
plato equivocado	reliability
olvidaron	reliability
olvidó	reliability
se olvidaron	reliability
confundieron	reliability
confusión	reliability
correcto	reliability
correctamente	reliability
exacto	reliability
exactitud	reliability
precisión	reliability
cuenta equivocada	reliability
cobraron de más	reliability
cobraron dos veces	reliability
consistente	reliability
irregular	reliability
siempre igual	reliability
perdieron la reserva	reliability
reserva perdida	reliability
nunca llegó	reliability
faltaba	reliability
garantía	reliability
seriedad	reliability

# --- responsiveness ---
rápido	responsiveness
rápida	responsiveness
rapidez	responsiveness
rápidamente	responsiveness
pronto	responsiveness:0.5
prontitud	responsiveness
enseguida	responsiveness
en seguida	responsiveness
inmediatamente	responsiveness
al instante	responsiveness
al momento	responsiveness
en pocos minutos	responsiveness
ágil	responsiveness
agilidad	responsiveness
veloz	responsiveness
lento	responsiveness
lenta	responsiveness
lentitud	responsiveness
tardaron	responsiveness
tardó	responsiveness
tardanza	responsiveness
demora	responsiveness
demoraron	responsiveness
espera	responsiveness
esperar	responsiveness
esperamos	responsiveness
esperando	responsiveness
tiempo de espera	responsiveness
retraso	responsiveness
cola	responsiveness:0.7
dispuesto	responsiveness
dispuestos	responsiveness
disposición	responsiveness
dispuestos a ayudar	responsiveness
ayudar	responsiveness
ayudaron	responsiveness
respondieron	responsiveness
respuesta	responsiveness
contestaron	responsiveness
ignoraron	responsiveness
nos ignoraron	responsiveness
nadie vino	responsiveness
no nos atendían	responsiveness
eficaz	responsiveness
eficiente	responsiveness
eficacia	responsiveness
ineficiente	responsiveness
resolvieron	responsiveness
solucionaron	responsiveness

# --- assurance ---
profesional	assurance
profesionales	assurance
profesionalidad	assurance
profesionalismo	assurance
poco profesional	assurance
conocimiento	assurance
conocimientos	assurance
sabía	assurance
experto	assurance
experta	assurance
experimentado	assurance
competente	assurance
incompetente	assurance
preparado	assurance
cualificado	assurance
educado	assurance
educada	assurance
maleducado	assurance
mal educado	assurance
cortés	assurance
cortesía	assurance
descortés	assurance
respeto	assurance
respetuoso	assurance
irrespetuoso	assurance
grosero	assurance
grosería	assurance
borde	assurance:0.5
confianza	assurance
confiar	assurance
de confianza	assurance
seguridad	assurance
inseguro	assurance
honesto	assurance
honrado	assurance
deshonesto	assurance
explicó	assurance
explicaron	assurance
explicación	assurance
recomendó	assurance
recomendaron	assurance
aconsejó	assurance
consejo	assurance
asesoraron	assurance
asesoramiento	assurance
higiene	assurance
serio	assurance
prepotente	assurance

# --- empathy ---
atento	empathy
atenta	empathy
atentos	empathy
desatento	empathy
atención personalizada	empathy
atención	empathy:0.7
trato personal	empathy
trato	empathy:0.7
personalizado	empathy
individual	empathy
cercano	empathy
cercanía	empathy
cariño	empathy
cariñoso	empathy
cálido	empathy
calidez	empathy
amable	empathy
amabilidad	empathy
simpático	empathy
simpatía	empathy
antipático	empathy
comprensivo	empathy
comprensión	empathy
entendieron	empathy
empatía	empathy
empático	empathy
paciencia	empathy
paciente	empathy
impaciente	empathy
se preocuparon	empathy
se preocupan	empathy
detallista	empathy
nos hicieron sentir	empathy
como en casa	empathy
bienvenida	empathy
acogida	empathy
trato familiar	empathy
niños	empathy:0.5
alergia	empathy
alérgico	empathy
intolerancia	empathy
celíaco	empathy
necesidades	empathy
petición	empathy
peticiones	empathy
se adaptaron	empathy
flexibles	empathy
flexibilidad	empathy
horario	empathy
horarios	empathy
abierto hasta tarde	empathy
indiferente	empathy
indiferencia	empathy
trato frío	empathy
se acordaban	empathy
